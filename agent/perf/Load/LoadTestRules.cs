using System.Globalization;
using Meshery.Agent.Perf.Hosting;

namespace Meshery.Agent.Perf.Load;

/// <summary>What a test must be to run: an http(s) URL, a generator offered, and values within <see cref="PerfOptions"/>'s limits.</summary>
public static class LoadTestRules
{
    /// <summary>Why <paramref name="test"/> cannot run, or null when it can.</summary>
    public static string? Check(LoadTest test, PerfOptions limits)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(limits);
        if (!test.Url.IsAbsoluteUri || (test.Url.Scheme != Uri.UriSchemeHttp && test.Url.Scheme != Uri.UriSchemeHttps))
        {
            return $"the URL must be an absolute http:// or https:// URL, not '{test.Url}'";
        }

        if (LoadGenerators.Normalize(test.LoadGenerator) != test.LoadGenerator)
        {
            return $"load generator '{test.LoadGenerator}' is not offered; use {string.Join(" or ", LoadGenerators.All)}";
        }

        if (test.Connections < 1 || test.Connections > limits.MaxConnections)
        {
            return Invariant($"connections must be from 1 to {limits.MaxConnections}, not {test.Connections}");
        }

        if (double.IsNaN(test.Qps) || test.Qps < 0 || test.Qps > limits.MaxQps)
        {
            return Invariant($"qps must be from 0 (as fast as possible) to {limits.MaxQps}, not {test.Qps}");
        }

        if (test.IsConstantRate && test.Qps <= 0)
        {
            return "wrk2 sends at a constant rate: qps must be above 0";
        }

        if (test.Duration <= TimeSpan.Zero || test.Duration > limits.MaxDuration)
        {
            return Invariant($"the duration must be above 0 and at most {limits.MaxDuration}, not {test.Duration}");
        }

        if (test.Body.Length > limits.MaxBodyBytes)
        {
            return Invariant($"the request body must be at most {limits.MaxBodyBytes} bytes, not {test.Body.Length}");
        }

        if (test.HttpVersion != System.Net.HttpVersion.Version11 && test.HttpVersion != System.Net.HttpVersion.Version20)
        {
            return Invariant($"HTTP version must be 1.1 or 2, not {test.HttpVersion}");
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
