using System.Net;
using Meshery.Agent.RemoteProvider.SignIn;
using Meshery.Testing.Provider;

namespace Meshery.Agent.Remote.Tests.Support;

/// <summary>
/// One user's browser over plain HTTP: a cookie-keeping client of the agent and one of the provider,
/// neither following redirects, so <see cref="SignInAsync"/> walks Meshery's sign-in hop by hop.
/// </summary>
public sealed class AgentSession : IDisposable
{
    private readonly AgentUnderTest _agent;

    public AgentSession(RemoteStackFixture stack)
        : this((stack ?? throw new ArgumentNullException(nameof(stack))).Provider, stack.Agent)
    {
    }

    public AgentSession(ProviderHostRunner provider, AgentUnderTest agent)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(agent);
        _agent = agent;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = agent.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        Provider = new SignInBrowser(provider);
    }

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The agent's cookies.</summary>
    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The same user's client of the provider (signed in there after <see cref="SignInAsync"/>).</summary>
    public SignInBrowser Provider { get; }

    public string? Email { get; private set; }

    /// <summary>The agent's <c>token</c> cookie, or null.</summary>
    public string? Token => Cookie(SessionCookies.Token);

    public string? Cookie(string name, string path = "/") =>
        Cookies.GetCookies(new Uri(_agent.BaseAddress, path)).FirstOrDefault(c => c.Name == name)?.Value;

    /// <summary>
    /// Signs a new (or the same) account in through the agent: <c>/user/login</c>, the provider's
    /// <c>/login</c>, back to <c>/api/user/token</c>; answers where the agent sent the browser last.
    /// </summary>
    public async Task<string> SignInAsync(string reference = "")
    {
        Email ??= await Provider.NewAccountAsync(Guid.NewGuid().ToString("N"));
        using var login = await Client.GetAsync("/user/login" + (reference.Length > 0 ? "?ref=" + reference : ""), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var provider = await Provider.Client.GetAsync(login.Headers.Location, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, provider.StatusCode);
        Assert.StartsWith(_agent.Callback + "?", provider.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var back = await Client.GetAsync(provider.Headers.Location, Cancel);
        var body = await back.Content.ReadAsStringAsync(Cancel);
        Assert.True(back.StatusCode == HttpStatusCode.Redirect, $"callback answered {(int)back.StatusCode}: {body}");
        Assert.False(string.IsNullOrEmpty(Token));
        return back.Headers.Location!.OriginalString;
    }

    /// <summary>A request with exactly the given cookie header (no cookie jar), for tokens the test makes.</summary>
    public async Task<HttpResponseMessage> SendWithCookieAsync(HttpMethod method, string path, string cookieHeader, HttpContent? content = null)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = _agent.BaseAddress,
        };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        return await client.SendAsync(request, Cancel);
    }

    public void Dispose()
    {
        Client.Dispose();
        Provider.Dispose();
    }
}
