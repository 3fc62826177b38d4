using System.Collections.Concurrent;
using System.Text.Json;
using Meshery.ExtensionPoints.Http;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.LocalProvider.Storage;
using Meshery.ExtensionPoints;
using Meshery.ExtensionPoints.Json;
using Meshery.ExtensionPoints.Organizations;
using Microsoft.AspNetCore.Http;

namespace Meshery.ExtensionPoints.Conformance.Tests.Support;

/// <summary>
/// Bearer (or <c>X-API-Key</c>) authentication of the double: a missing or foreign token answers 401
/// problem details; a user seen for the first time gets an organization of their own.
/// </summary>
public sealed class DoubleAuthentication(RequestDelegate next)
{
    private readonly ConcurrentDictionary<Guid, bool> _seeded = new();

    public async Task InvokeAsync(HttpContext context, LocalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/capabilities", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : context.Request.Headers["X-API-Key"].ToString();
        if (!DoubleTokens.TryRead(token, out var userId))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemAnswers.Status(StatusCodes.Status401Unauthorized, "A valid bearer token is required.").ExecuteAsync(context);
            return;
        }

        Guid? systemId = Guid.TryParse(context.Request.Headers["SystemID"].ToString(), out var system) ? system : null;
        context.Items[BearerCallerResolver.ItemKey] = new ProviderCaller(userId, token, systemId);
        context.User = new System.Security.Claims.ClaimsPrincipal(
            new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", userId.ToString("D"))], "double"));
        if (_seeded.TryAdd(userId, true))
        {
            await SeedOrganizationAsync(database, userId, context.RequestAborted);
        }

        await next(context);
    }

    public static Guid OrganizationOf(Guid userId) => DeterministicGuid.CreateVersion5(userId, "double-organization");

    private static async Task SeedOrganizationAsync(LocalDatabase database, Guid userId, CancellationToken cancellationToken)
    {
        var organization = new Organization { Id = OrganizationOf(userId), Name = "Organization of " + userId.ToString("N")[..8], Owner = userId };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO organizations (id, owner, name, document, version, created_at, updated_at)
            VALUES ($id, $owner, $name, $document, 1, '2024-01-01T00:00:00.0000000Z', '2024-01-01T00:00:00.0000000Z');
            """;
        command.Parameters.AddWithValue("$id", organization.Id.ToString("D"));
        command.Parameters.AddWithValue("$owner", userId.ToString("D"));
        command.Parameters.AddWithValue("$name", organization.Name);
        command.Parameters.AddWithValue("$document", JsonSerializer.Serialize(organization, MesheryJson.Options.GetTypeInfo(typeof(Organization))));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
