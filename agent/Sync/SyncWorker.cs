using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Meshery.Agent.LocalProvider.Outbox;
using Meshery.Agent.RemoteProvider;
using Meshery.Agent.RemoteProvider.Tokens;
using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Sync;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meshery.Agent.Sync;

/// <summary>
/// Sends the outbox to the remote provider: while a session is known, the oldest rows go out as one
/// <c>application/cloudevents-batch+json</c> request; the rows are removed only when the provider answers
/// 200, so a crash or a lost answer sends them again (the provider skips events it has applied). Failures
/// back off exponentially; a refused session waits for the next sign-in. A batch the provider refuses for its
/// content (400, 413, 422) is split in halves until the refused change stands alone; that change is then set aside
/// in <c>sync_rejected</c> with the provider's reason, and the changes behind it go on.
/// </summary>
public sealed class SyncWorker(
    SqliteOutbox outbox,
    OutboxEvents events,
    SyncSessions sessions,
    SyncProgress progress,
    IHttpClientFactory clients,
    IOptions<SyncOptions> options,
    IOptions<RemoteModeOptions> remote,
    TimeProvider time,
    ILogger<SyncWorker> logger) : BackgroundService
{
    private const int ExpectContinueFrom = 64 * 1024;

    private int _failures;

    // How many rows the next batch may hold: halved while the provider refuses a batch's content, whole again after a success.
    private int? _batchLimit;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is ProviderException or HttpRequestException or JsonException or IOException)
            {
                wait = Backoff(ex.Message);
            }
#pragma warning disable CA1031 // The loop must outlive any failure of one pass; it logs and backs off.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                wait = Backoff(ex.Message);
                SyncLog.Crashed(logger, wait, ex);
            }

            try
            {
                // A new session cuts the wait short (the user has just signed in).
                await sessions.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: sends one batch if it can; answers how long to wait before the next.</summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (sessions.Current is not { } session)
        {
            progress.Set(SyncStates.WaitingForSession);
            return settings.PollInterval;
        }

        var rows = await outbox.ReadAsync(Math.Min(_batchLimit ?? settings.MaxBatchEvents, settings.MaxBatchEvents), cancellationToken);
        if (rows.Count == 0)
        {
            progress.Set(SyncStates.Idle);
            _failures = 0;
            return settings.PollInterval;
        }

        var (body, count) = events.Batch(rows, settings.MaxBatchBytes);
        progress.Attempted(time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(remote.Value.ProviderAddress(), SyncPaths.Events.TrimStart('/')))
        {
            Content = new ReadOnlyMemoryContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(SyncPaths.BatchMediaType) { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token.Value);

        // A large batch asks first (Expect: 100-continue): a provider that refuses its size answers 413 before the body
        // is sent. Without it the provider's early 413 arrives while the body is still going out, the connection is
        // closed under the upload, and the client sees a broken stream instead of the refusal, again and again.
        request.Headers.ExpectContinue = body.Length > ExpectContinueFrom;
        var client = clients.CreateClient(RemoteProviderOptions.HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(remote.Value.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Backoff($"the provider did not answer within {remote.Value.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return Backoff($"the provider cannot be reached: {ex.Message}");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                sessions.Forget(session);
                progress.Failed(time.GetUtcNow(), $"the provider refused the session ({(int)response.StatusCode})");
                progress.Set(SyncStates.WaitingForSession);
                SyncLog.SessionRefused(logger);
                return settings.PollInterval;
            }

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity)
            {
                return await IsolateRefusalAsync(rows, count, $"the provider answered {(int)response.StatusCode}: {Detail(text)}", cancellationToken);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Backoff($"the provider answered {(int)response.StatusCode}: {Detail(text)}");
            }

            var receipt = JsonSerializer.Deserialize(text, ExtensionPointsJsonContext.Default.SyncReceipt);
            await outbox.RemoveThroughAsync(rows[count - 1].Seq, cancellationToken);
            _failures = 0;
            _batchLimit = null;
            progress.Succeeded(time.GetUtcNow(), count, receipt?.Duplicates ?? 0);
            var pending = await outbox.CountAsync(cancellationToken);
            SyncLog.Sent(logger, count, receipt?.Duplicates ?? 0, pending);
            progress.Set(pending > 0 ? SyncStates.Sending : SyncStates.Idle);
            return pending > 0 ? TimeSpan.Zero : settings.PollInterval;
        }
    }

    /// <summary>
    /// The provider refused what the batch holds. Sending the same batch again would be refused again and hold up every
    /// change behind it, so the batch is halved until the refused change is alone, and that change is set aside.
    /// </summary>
    private async Task<TimeSpan> IsolateRefusalAsync(IReadOnlyList<OutboxRow> rows, int count, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        progress.Failed(now, reason);
        if (count > 1)
        {
            _batchLimit = count / 2;
            SyncLog.BatchSplit(logger, count, _batchLimit.Value, reason);
            return TimeSpan.Zero;
        }

        var row = rows[0];
        await outbox.RejectAsync(row.Seq, reason, now, cancellationToken);
        SyncLog.ChangeRejected(logger, row.Type, row.Subject, reason);
        _batchLimit = null;
        return TimeSpan.Zero;
    }

    private TimeSpan Backoff(string reason)
    {
        var settings = options.Value;
        var exponent = Math.Min(_failures, 20);
        _failures++;
        var delay = TimeSpan.FromTicks(Math.Min(settings.MaxBackoff.Ticks, settings.MinBackoff.Ticks * (1L << exponent)));
        var now = time.GetUtcNow();
        progress.Failed(now, reason);
        progress.Set(SyncStates.BackingOff, now + delay);
        SyncLog.SendFailed(logger, delay, reason);
        return delay;
    }

    private static string Detail(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail))
            {
                return detail.GetString() ?? problem;
            }
        }
        catch (JsonException)
        {
            // Not problem details: the text itself says what happened.
        }

        return problem.Length > 500 ? problem[..500] : problem;
    }
}
