using System.Reflection;
using System.Text.RegularExpressions;
using Meshery.Provider.Hosting;
using Microsoft.Extensions.Configuration;
using Meshery.Testing.Paths;
using Microsoft.Extensions.Hosting;

namespace Meshery.Infra.Tests.Provider;

/// <summary>
/// The Functions app's composition, as its <c>Program.cs</c> writes it: every <c>AddMeshery*</c> call on
/// the builder, run here on a plain host builder. A call added there (say the sign-in server) is run
/// here too, so the settings it needs are demanded of the deployment.
/// </summary>
public static partial class FunctionsComposition
{
    /// <summary>The <c>AddMeshery*</c> methods the Functions app's Program.cs calls, in order.</summary>
    public static async Task<IReadOnlyList<string>> CalledMethodsAsync(CancellationToken cancellationToken)
    {
        var program = await File.ReadAllTextAsync(RepositoryRoot.Combine("provider", "functions", "Program.cs"), cancellationToken);
        return [.. AddMesheryCall().Matches(program).Select(m => m.Groups["name"].Value)];
    }

    /// <summary>A host builder over <paramref name="settings"/> (configuration keys with ':') composed as the Functions app is.</summary>
    public static async Task<HostApplicationBuilder> ComposeAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        foreach (var name in await CalledMethodsAsync(cancellationToken))
        {
            var method = typeof(ProviderOptions).Assembly.GetExportedTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .SingleOrDefault(m => m.Name == name
                    && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IHostApplicationBuilder));
            Assert.True(method is not null, $"provider/functions/Program.cs calls {name}, which Meshery.Provider does not define for IHostApplicationBuilder.");
            method.Invoke(null, [builder]);
        }

        return builder;
    }

    [GeneratedRegex(@"builder\.(?<name>AddMeshery\w*)\(\)", RegexOptions.CultureInvariant)]
    private static partial Regex AddMesheryCall();
}
