using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meshery.Provider.Identity.Keys;

/// <summary><c>GET /keys</c>: the public signing keys, without authentication.</summary>
public static class KeysHandlers
{
    public static Ok<KeySetAnswer> Get(IdentitySigningKeys keys, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(keys.KeySet);
    }
}
