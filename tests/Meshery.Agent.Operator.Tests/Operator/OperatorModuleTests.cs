using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Operator.Tests.Operator;

public sealed class OperatorModuleTests
{
    [Fact]
    public void The_module_binds_its_options_and_registers_its_worker()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Meshery:Agent:Operator:Namespace"] = "elsewhere",
            ["Meshery:Agent:Operator:LeaseDuration"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();

        services.AddMesheryOperator();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<OperatorOptions>>().Value;

        Assert.Equal(("elsewhere", TimeSpan.FromSeconds(30), "meshery-operator"), (options.Namespace, options.LeaseDuration, options.LeaseName));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "OperatorWorker");
    }
}
