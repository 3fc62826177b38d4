using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Users;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Serving;

/// <summary>Capability <c>users-profile</c>.</summary>
public static class ProfileHandlers
{
    public static Task<IResult> GetCurrentAsync(HttpContext context, IUserProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller => TypedResults.Ok(await store.GetCurrentAsync(caller, cancellationToken)));

    public static Task<IResult> GetAsync(string id, HttpContext context, IUserProfileStore store, CancellationToken cancellationToken) =>
        ContractCall.RunAsync(context, async caller =>
        {
            if (!ContractCall.TryId(id, "id", out var userId, out var problem))
            {
                return problem!;
            }

            var user = await store.GetAsync(caller, userId, cancellationToken);
            return user is null ? ProblemAnswers.NotFound("User", userId) : TypedResults.Ok(user);
        });
}
