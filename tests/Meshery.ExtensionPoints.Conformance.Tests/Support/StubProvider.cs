using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meshery.ExtensionPoints.Capabilities;
using Meshery.ExtensionPoints.Json;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers the capabilities document itself and every other
/// request with <see cref="Answer"/>, remembering what was sent.
/// </summary>
public sealed class StubProvider : HttpMessageHandler
{
    private readonly List<(HttpRequestMessage Request, string? Body)> _requests = [];

    public IReadOnlyList<Capability> Capabilities { get; set; } = DoubleCapabilities.Served;

    /// <summary>The answer to anything but the capabilities document.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer { get; set; } =
        (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}"));

    public IReadOnlyList<(HttpRequestMessage Request, string? Body)> Requests => _requests;

    /// <summary>The last request that was not for the capabilities document.</summary>
    public HttpRequestMessage LastCall => _requests.Last(r => !IsCapabilities(r.Request)).Request;

    public string? LastBody => _requests.Last(r => !IsCapabilities(r.Request)).Body;

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string detail) =>
        Json(status, new JsonObject { ["title"] = status.ToString(), ["status"] = (int)status, ["detail"] = detail }.ToJsonString(), "application/problem+json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Add((request, body));
        if (IsCapabilities(request))
        {
            var document = new CapabilitiesDocument { ProviderName = "stub", Capabilities = Capabilities };
            return Json(HttpStatusCode.OK, JsonSerializer.Serialize(document, MesheryJson.Options.GetTypeInfo(typeof(CapabilitiesDocument))));
        }

        return await Answer(request, cancellationToken);
    }

    private static bool IsCapabilities(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.EndsWith("/capabilities", StringComparison.Ordinal);
}
