using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Http;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Credentials;

/// <summary>Capability <c>persist-credentials</c>: secrets only ever leave in a single-credential read.</summary>
public static class CredentialHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
            ListQuery.TryParse(context.Request, out var page, out var problem)
                ? TypedResults.Ok(await store.ListAsync(caller, page, cancellationToken))
                : problem!);

    public static Task<IResult> CreateAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync<CredentialPayload>(context, async (caller, payload) =>
        {
            var stored = await store.CreateAsync(caller, payload, cancellationToken);
            return ProviderCall.Created(context, $"/{ProviderRoutes.Credentials}/{stored.Value.Id}", stored);
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
        {
            if (!ProviderCall.TryId(id, "id", out var credentialId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, credentialId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Credential", credentialId) : ProviderCall.Ok(context, stored);
        });

    /// <summary>Meshery updates a credential with <c>PUT ep</c> and the id in the body.</summary>
    public static Task<IResult> UpdateAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync<CredentialPayload>(context, async (caller, payload) =>
        {
            if (payload.Id is not { } credentialId || credentialId == Guid.Empty)
            {
                return ProblemAnswers.BadRequest("'id' is required: the credential to update.");
            }

            return ProviderCall.Ok(context, await store.UpdateAsync(caller, credentialId, payload, Preconditions.IfMatch(context.Request), cancellationToken));
        });

    /// <summary>Meshery deletes with <c>DELETE ep?credential_id=</c>.</summary>
    public static Task<IResult> DeleteAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
        {
            var text = ListQuery.First(context.Request.Query, "credential_id", "credentialId", "id");
            if (!ProviderCall.TryId(text, "credential_id", out var credentialId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, credentialId, cancellationToken)
                ? TypedResults.Ok(new EmptyAnswer())
                : ProblemAnswers.NotFound("Credential", credentialId);
        });
}
