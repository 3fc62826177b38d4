using System.Net.Http.Json;
using System.Text.Json;
using Meshery.Agent.Adapters.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Adapters.Registration;

/// <summary>
/// Registers the adapter's component with Meshery Server on start: <c>POST {server}/api/meshmodel/components/register</c>
/// until it answers 200, 201 or 202, waiting with <see cref="RegistrationBackoff"/> while the server is away.
/// </summary>
public sealed class AdapterRegistrationWorker(
    HttpClient http,
    AdapterServer server,
    IOptions<AdapterOptions> options,
    TimeProvider time,
    ILogger<AdapterRegistrationWorker> logger) : BackgroundService
{
    public const string RegisterPath = "/api/meshmodel/components/register";

    private int _attempts;
    private int _registered;

    /// <summary>This run's instance id, sent as the registrant's metadata.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString();

    public int Attempts => Volatile.Read(ref _attempts);

    public bool IsRegistered => Volatile.Read(ref _registered) == 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Register)
        {
            return;
        }

        var target = new Uri(new Uri(settings.ServerUrl.TrimEnd('/') + "/"), RegisterPath.TrimStart('/'));
        var body = new RegistrationRequest
        {
            Host = new RegistrationHost
            {
                Hostname = string.IsNullOrWhiteSpace(settings.ServiceAddress) ? Environment.MachineName : settings.ServiceAddress,
                Port = server.Port,
                Metadata = InstanceId,
            },
            EntityType = "component",
            Entity = JsonSerializer.SerializeToUtf8Bytes(ComponentDefinition.For(settings), AdapterJsonContext.Default.JsonObject),
        };
        var backoff = new RegistrationBackoff(settings.RegistrationInitialBackoff, settings.RegistrationMaxBackoff);
        while (!stoppingToken.IsCancellationRequested)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            string reason;
            try
            {
                using var response = await http.PostAsJsonAsync(target, body, AdapterJsonContext.Default.RegistrationRequest, stoppingToken).ConfigureAwait(false);
                if ((int)response.StatusCode is 200 or 201 or 202)
                {
                    Volatile.Write(ref _registered, 1);
                    AdapterLog.Registered(logger, settings.Component.Kind, settings.ServerUrl, attempt);
                    return;
                }

                reason = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException ex)
            {
                reason = ex.Message;
            }
            catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                reason = "timed out";
            }

            var wait = backoff.Next();
            AdapterLog.RegistrationRetry(logger, settings.ServerUrl, attempt, reason, wait);
            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
