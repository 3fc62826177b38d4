using System.Text.Json.Nodes;
using Meshery.Agent.LocalProvider.Identity;
using Meshery.Agent.Tests.Support;
using Meshery.ExtensionPoints.Connections;
using Meshery.ExtensionPoints.Environments;
using Meshery.ExtensionPoints.Errors;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.Tests.LocalProvider.Environments;

public sealed class SqliteEnvironmentStoreTests : LocalProviderTest
{
    [Fact]
    public async Task Create_get_update_delete_round_trip()
    {
        var org = Guid.NewGuid();
        var created = await Local.Environments.CreateAsync(
            Caller,
            new EnvironmentPayload { Name = "  prod  ", Description = "the real one", OrganizationId = org, Metadata = new JsonObject { ["tier"] = 1 } },
            Ct);

        var read = await Local.Environments.GetAsync(Caller, created.Value.Id, Ct);
        var updated = await Local.Environments.UpdateAsync(Caller, created.Value.Id, new EnvironmentPayload { Description = "changed" }, read!.ETag, Ct);
        var deleted = await Local.Environments.DeleteAsync(Caller, created.Value.Id, Ct);
        var deletedAgain = await Local.Environments.DeleteAsync(Caller, created.Value.Id, Ct);

        Assert.NotEqual(Guid.Empty, created.Value.Id);
        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal("prod", created.Value.Name);
        Assert.Equal(Caller.UserId, created.Value.Owner);
        Assert.Equal(MesheryEnvironment.CurrentSchemaVersion, created.Value.SchemaVersion);
        JsonAssert.Same(created.Value, read.Value);
        Assert.Equal(org, read.Value.OrganizationId);
        Assert.Equal(1, (int)read.Value.Metadata!["tier"]!);
        Assert.Equal("\"2\"", updated.ETag);
        Assert.Equal("prod", updated.Value.Name);
        Assert.Equal("changed", updated.Value.Description);
        Assert.Equal(created.Value.CreatedAt, updated.Value.CreatedAt);
        Assert.True(updated.Value.UpdatedAt > created.Value.UpdatedAt);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await Local.Environments.GetAsync(Caller, created.Value.Id, Ct));
    }

    [Fact]
    public async Task An_environment_without_organization_belongs_to_the_local_one()
    {
        var created = await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "dev" }, Ct);

        Assert.Equal(LocalUser.OrganizationId, created.Value.OrganizationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_missing_name_is_invalid(string? name)
    {
        var ex = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = name }, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, ex.Kind);
    }

    [Fact]
    public async Task Names_and_descriptions_longer_than_the_limits_are_invalid()
    {
        var longName = await Assert.ThrowsAsync<ProviderException>(() => Local.Environments.CreateAsync(
            Caller, new EnvironmentPayload { Name = new string('n', EnvironmentPayload.MaxNameLength + 1) }, Ct));
        var longDescription = await Assert.ThrowsAsync<ProviderException>(() => Local.Environments.CreateAsync(
            Caller, new EnvironmentPayload { Name = "ok", Description = new string('d', EnvironmentPayload.MaxDescriptionLength + 1) }, Ct));

        Assert.Equal(ProviderErrorKind.Invalid, longName.Kind);
        Assert.Equal(ProviderErrorKind.Invalid, longDescription.Kind);
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_environment_says_not_found()
    {
        var update = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Environments.UpdateAsync(Caller, Guid.NewGuid(), new EnvironmentPayload { Name = "x" }, null, Ct));

        Assert.Equal(ProviderErrorKind.NotFound, update.Kind);
        Assert.False(await Local.Environments.DeleteAsync(Caller, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Two_updates_from_the_same_etag_let_exactly_one_win()
    {
        var created = await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "race" }, Ct);

        var attempts = await Task.WhenAll(
            Attempt(() => Local.Environments.UpdateAsync(Caller, created.Value.Id, new EnvironmentPayload { Name = "left" }, created.ETag, Ct)),
            Attempt(() => Local.Environments.UpdateAsync(Caller, created.Value.Id, new EnvironmentPayload { Name = "right" }, created.ETag, Ct)));

        var winner = Assert.Single(attempts, a => a.Stored is not null).Stored!;
        var loser = Assert.Single(attempts, a => a.Error is not null).Error!;
        Assert.Equal(ProviderErrorKind.PreconditionFailed, loser.Kind);
        Assert.Equal("\"2\"", winner.ETag);
        var final = await Local.Environments.GetAsync(Caller, created.Value.Id, Ct);
        Assert.Equal(winner.Value.Name, final!.Value.Name);
        Assert.Equal("\"2\"", final.ETag);
    }

    [Fact]
    public async Task Connections_map_into_an_environment_idempotently_and_go_with_it()
    {
        var environment = await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "mapped" }, Ct);
        var k8s = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes", Name = "cluster-a" }, Ct);
        var prom = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "prometheus", Name = "prom-a" }, Ct);
        var outside = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "grafana", Name = "not-mapped" }, Ct);

        await Local.Environments.AddConnectionAsync(Caller, environment.Value.Id, k8s.Value.Id, Ct);
        await Local.Environments.AddConnectionAsync(Caller, environment.Value.Id, k8s.Value.Id, Ct);
        await Local.Environments.AddConnectionAsync(Caller, environment.Value.Id, prom.Value.Id, Ct);
        var both = await Local.Environments.ListConnectionsAsync(Caller, environment.Value.Id, new PageRequest { Order = "name asc" }, Ct);
        var removed = await Local.Environments.RemoveConnectionAsync(Caller, environment.Value.Id, prom.Value.Id, Ct);
        var removedAgain = await Local.Environments.RemoveConnectionAsync(Caller, environment.Value.Id, prom.Value.Id, Ct);
        var one = await Local.Environments.ListConnectionsAsync(Caller, environment.Value.Id, new PageRequest(), Ct);

        Assert.Equal(2, both.TotalCount);
        Assert.Equal(["cluster-a", "prom-a"], both.Connections.Select(c => c.Name));
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal(k8s.Value.Id, Assert.Single(one.Connections).Id);

        Assert.True(await Local.Environments.DeleteAsync(Caller, environment.Value.Id, Ct));
        Assert.NotNull(await Local.Connections.GetAsync(Caller, k8s.Value.Id, Ct));
        Assert.NotNull(await Local.Connections.GetAsync(Caller, outside.Value.Id, Ct));
        var gone = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Environments.ListConnectionsAsync(Caller, environment.Value.Id, new PageRequest(), Ct));
        Assert.Equal(ProviderErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task Deleting_a_connection_removes_it_from_its_environments()
    {
        var environment = await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "env" }, Ct);
        var connection = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes" }, Ct);
        await Local.Environments.AddConnectionAsync(Caller, environment.Value.Id, connection.Value.Id, Ct);

        await Local.Connections.DeleteAsync(Caller, connection.Value.Id, Ct);

        var page = await Local.Environments.ListConnectionsAsync(Caller, environment.Value.Id, new PageRequest(), Ct);
        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Connections);
    }

    [Fact]
    public async Task Mapping_an_unknown_environment_or_connection_says_not_found()
    {
        var environment = await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "env" }, Ct);
        var connection = await Local.Connections.SaveAsync(Caller, new ConnectionPayload { Kind = "kubernetes" }, Ct);

        var noEnvironment = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Environments.AddConnectionAsync(Caller, Guid.NewGuid(), connection.Value.Id, Ct));
        var noConnection = await Assert.ThrowsAsync<ProviderException>(
            () => Local.Environments.AddConnectionAsync(Caller, environment.Value.Id, Guid.NewGuid(), Ct));

        Assert.Equal(ProviderErrorKind.NotFound, noEnvironment.Kind);
        Assert.Contains("Environment", noEnvironment.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.NotFound, noConnection.Kind);
        Assert.Contains("Connection", noConnection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_filters_by_organization()
    {
        var orgA = Guid.NewGuid();
        var orgB = Guid.NewGuid();
        await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "a1", OrganizationId = orgA }, Ct);
        await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "a2", OrganizationId = orgA }, Ct);
        await Local.Environments.CreateAsync(Caller, new EnvironmentPayload { Name = "b1", OrganizationId = orgB }, Ct);

        var inA = await Local.Environments.ListAsync(Caller, new PageRequest { Order = "name" }, orgA, Ct);
        var all = await Local.Environments.ListAsync(Caller, new PageRequest(), null, Ct);

        Assert.Equal(["a1", "a2"], inA.Environments.Select(e => e.Name));
        Assert.Equal(2, inA.TotalCount);
        Assert.Equal(3, all.TotalCount);
    }

    private static async Task<(Meshery.ExtensionPoints.Stored<MesheryEnvironment>? Stored, ProviderException? Error)> Attempt(
        Func<Task<Meshery.ExtensionPoints.Stored<MesheryEnvironment>>> update)
    {
        try
        {
            return (await Task.Run(update), null);
        }
        catch (ProviderException ex)
        {
            return (null, ex);
        }
    }
}
