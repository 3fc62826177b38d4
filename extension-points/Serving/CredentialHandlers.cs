using Meshery.ExtensionPoints.Credentials;
using Meshery.ExtensionPoints.Http;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>persist-credentials</c>: secrets only ever leave in a single-credential read.</summary>
public static class CredentialHandlers
{
    public static Task<IResult> ListAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
            ListQuery.TryParse(context.Request, out var page, out var problem)
                ? TypedResults.Ok(await store.ListAsync(caller, page, cancellationToken))
                : problem!);

    public static Task<IResult> CreateAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<CredentialPayload>(context, async (caller, payload) =>
        {
            var stored = await store.CreateAsync(caller, payload, cancellationToken);
            return ContractCall.Created(context, ContractCall.LocationOf(context, stored.Value.Id), stored);
        });

    public static Task<IResult> GetAsync(string id, HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var credentialId, out var problem))
            {
                return problem!;
            }

            var stored = await store.GetAsync(caller, credentialId, cancellationToken);
            return stored is null ? ProblemAnswers.NotFound("Credential", credentialId) : ContractCall.Ok(context, stored);
        });

    /// <summary>Meshery updates a credential with <c>PUT ep</c> and the id in the body.</summary>
    public static Task<IResult> UpdateAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync<CredentialPayload>(context, async (caller, payload) =>
        {
            if (payload.Id is not { } credentialId || credentialId == Guid.Empty)
            {
                return ProblemAnswers.BadRequest("'id' is required: the credential to update.");
            }

            return ContractCall.Ok(context, await store.UpdateAsync(caller, credentialId, payload, Preconditions.IfMatch(context.Request), cancellationToken));
        });

    /// <summary>Meshery deletes with <c>DELETE ep?credential_id=</c>.</summary>
    public static Task<IResult> DeleteAsync(HttpContext context, ICredentialStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            var text = ListQuery.First(context.Request.Query, "credential_id", "credentialId", "id");
            if (!ContractCall.TryId(text, "credential_id", out var credentialId, out var problem))
            {
                return problem!;
            }

            return await store.DeleteAsync(caller, credentialId, cancellationToken)
                ? TypedResults.Ok(new EmptyAnswer())
                : ProblemAnswers.NotFound("Credential", credentialId);
        });
}
