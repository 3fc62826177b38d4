using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Users;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meshery.Agent.RemoteProvider.Registration;

/// <summary>Sends the registrations <see cref="AgentRegistration"/> queues: <c>POST {persist-connection}</c>, then <c>GET {users-profile}</c>.</summary>
public sealed class AgentRegistrationWorker(
    AgentRegistration registration, IConnectionStore connections, IUserProfileStore users,
    ILogger<AgentRegistrationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (caller, location) in registration.Pending.ReadAllAsync(stoppingToken))
        {
            try
            {
                var saved = await connections.SaveAsync(caller, registration.Payload(location), stoppingToken);
                await users.GetCurrentAsync(caller, stoppingToken);
                RemoteModeLog.Registered(logger, caller.SystemId ?? Guid.Empty, saved.Value.Id);
            }
            catch (ProviderException ex)
            {
                RemoteModeLog.RegistrationFailed(logger, ex);
            }
        }
    }
}
