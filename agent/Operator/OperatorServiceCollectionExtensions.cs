using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meshery.Agent.Operator;

public static class OperatorServiceCollectionExtensions
{
    /// <summary>Registers the operator module: leader election and reconciliation of Broker and MeshSync resources.</summary>
    public static IServiceCollection AddMesheryOperator(this IServiceCollection services)
    {
        services.AddOptions<OperatorOptions>()
            .BindConfiguration(OperatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<OperatorWorker>();
        return services;
    }
}
