namespace Meshery.Provider.Identity.Keys;

/// <summary>One public key as Meshery servers decode it: every member a string (no <c>x5c</c>, no <c>key_ops</c>).</summary>
public sealed record KeyAnswer(string Kid, string Kty, string N, string E, string Alg, string Use);
