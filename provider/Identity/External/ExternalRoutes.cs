namespace Meshery.Provider.Identity.External;

/// <summary>The external sign-in paths: a POST starts the challenge, the provider redirects back to the callback.</summary>
public static class ExternalRoutes
{
    public const string Start = "/signin/external/{name}";
    public const string Callback = "/signin/external/{name}/callback";

    /// <summary>The start path for a provider (the sign-in page's form action).</summary>
    public static string StartOf(string name) => "/signin/external/" + Uri.EscapeDataString(name);

    /// <summary>The callback as OpenIddict wants it: relative, no leading slash, resolved against this host.</summary>
    public static string CallbackOf(string name) => "signin/external/" + Uri.EscapeDataString(name) + "/callback";
}
