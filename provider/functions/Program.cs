using Meshery.Provider.Functions.Auth;
using Meshery.Provider.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<TokenAuthenticationMiddleware>();
builder.AddMesheryProvider();
builder.Build().Run();
