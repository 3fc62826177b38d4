using Meshery.ExtensionPoints.Client;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.ExtensionPoints.Conformance.Running;

/// <summary>What to check and how strictly.</summary>
public sealed record ConformanceOptions
{
    /// <summary>The provider's base address.</summary>
    public required Uri Provider { get; init; }

    /// <summary>A token of a user of the provider (sent as <c>Authorization: Bearer</c>).</summary>
    public required string Token { get; init; }

    /// <summary>A token of another user; when given, every capability is also checked for isolation.</summary>
    public string? SecondToken { get; init; }

    /// <summary>The <c>{build}</c> of the capabilities path.</summary>
    public string Build { get; init; } = RemoteProviderOptions.DefaultBuild;

    /// <summary>How long one call may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accept the alternative statuses a Meshery server tolerates (200 for a create, 200 for a delete,
    /// 204 for an empty list) instead of only the ones this project's provider answers.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>The page size of the paging checks, which create three pages' worth of entities.</summary>
    public int PagingPageSize { get; init; } = 2;

    /// <summary>The largest page size a provider must accept; one more must answer 400.</summary>
    public int MaxPageSize { get; init; } = PagingLimits.MaxPageSize;

    public void Validate()
    {
        if (Provider is null || !Provider.IsAbsoluteUri || (Provider.Scheme != Uri.UriSchemeHttp && Provider.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The provider must be an absolute http or https address; got '{Provider}'.", nameof(Provider));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Token);
        if (PagingPageSize is < 1 or > 50)
        {
            throw new ArgumentException($"{nameof(PagingPageSize)} must be from 1 to 50; got {PagingPageSize}.", nameof(PagingPageSize));
        }
    }
}
