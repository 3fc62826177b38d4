using Meshery.ExtensionPoints.Http;
using Meshery.ExtensionPoints.Users;
using Meshery.Provider.Hosting;
using Microsoft.AspNetCore.Http;

namespace Meshery.Provider.Users;

/// <summary>Capability <c>users-profile</c>.</summary>
public static class ProfileHandlers
{
    public static Task<IResult> GetCurrentAsync(HttpContext context, IUserProfileStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller => TypedResults.Ok(await store.GetCurrentAsync(caller, cancellationToken)));

    public static Task<IResult> GetAsync(string id, HttpContext context, IUserProfileStore store, CancellationToken cancellationToken) =>
        ProviderCall.RunAsync(context, async caller =>
        {
            if (!ProviderCall.TryId(id, "id", out var userId, out var problem))
            {
                return problem!;
            }

            var user = await store.GetAsync(caller, userId, cancellationToken);
            return user is null ? ProblemAnswers.NotFound("User", userId) : TypedResults.Ok(user);
        });
}
