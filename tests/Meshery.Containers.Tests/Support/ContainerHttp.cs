using System.Diagnostics;

namespace Meshery.Containers.Tests.Support;

/// <summary>Polls a containerized service's HTTP endpoint until an answer satisfies a condition (no fixed sleeps).</summary>
public static class ContainerHttp
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// GETs <paramref name="url"/> until <paramref name="accept"/> holds and returns that body. When
    /// <paramref name="timeout"/> passes first the test fails with the last answer (or error) and
    /// <paramref name="report"/>'s text (the container's state and log).
    /// </summary>
    public static async Task<string> WaitForAsync(
        HttpClient client,
        Uri url,
        Func<HttpAnswer, bool> accept,
        TimeSpan timeout,
        Func<Task<string>> report,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(report);
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                var answer = new HttpAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                if (accept(answer))
                {
                    return answer.Body;
                }

                last = $"{(int)answer.Status} {answer.Body}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"{url} did not answer as expected within {timeout.TotalSeconds:0} s; last: {last}{Environment.NewLine}{await report()}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
