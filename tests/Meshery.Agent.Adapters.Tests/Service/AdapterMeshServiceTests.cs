using Grpc.Core;
using Meshery.Agent.Adapters.Operations;
using Meshery.Agent.Adapters.Protos;
using Meshery.Agent.Adapters.Tests.Support;
using Meshery.Testing.Kubernetes;

namespace Meshery.Agent.Adapters.Tests.Service;

/// <summary>The adapter over real gRPC on loopback, its operations run against the fake Kubernetes API server.</summary>
public sealed class AdapterMeshServiceTests : IAsyncLifetime
{
    private const string CustomYaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: greeting
        data:
          hello: world
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: once
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: once
                image: busybox
        """;

    private AdapterHost _adapter = null!;
    private FakeKubeApiServer _cluster = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        _adapter = await AdapterHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Meshery:Adapter:MeshName"] = "SAMPLE",
            ["Meshery:Adapter:MeshVersions:0"] = "v1.2.0",
            ["Meshery:Adapter:Component:Version"] = "v9.9.9",
            ["Meshery:Adapter:Component:GitSha"] = "abc123",
            ["Meshery:Adapter:Component:Properties:channel"] = "test",
        }, cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Name_versions_component_and_operations_come_from_configuration()
    {
        Assert.Equal("SAMPLE", (await _adapter.Client.MeshNameAsync(new MeshNameRequest(), cancellationToken: Ct)).Name);
        Assert.Equal(["v1.2.0"], (await _adapter.Client.MeshVersionsAsync(new MeshVersionsRequest(), cancellationToken: Ct)).Version);
        var info = await _adapter.Client.ComponentInfoAsync(new ComponentInfoRequest(), cancellationToken: Ct);
        Assert.Equal(("adapter", "meshery-sample", "v9.9.9", "abc123"), (info.Type, info.Name, info.Version, info.GitSha));
        Assert.Equal("test", info.Properties["channel"]);

        var ops = await _adapter.Client.SupportedOperationsAsync(new SupportedOperationsRequest(), cancellationToken: Ct);
        Assert.Equal("none", ops.Error);
        Assert.Equal(
            [("custom", OpCategory.Custom), ("httpbin", OpCategory.SampleApplication), ("label-namespace", OpCategory.Configure)],
            ops.Ops.Select(o => (o.Key, o.Category)));
        Assert.All(ops.Ops, o => Assert.False(string.IsNullOrEmpty(o.Value)));
    }

    [Fact]
    public async Task Reflection_lists_the_mesh_service()
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://{_adapter.Location}");
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        Assert.Contains("meshes.MeshService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task Custom_yaml_is_applied_and_deleted_with_events_in_order()
    {
        using var events = await EventReader.OpenAsync(_adapter.Client, Ct);
        var id = Guid.NewGuid().ToString();
        var applied = await RunAsync(events, Rule("custom", "team-a", id, CustomYaml), "Custom YAML applied");

        Assert.Equal(["Applying Custom YAML", "Custom YAML applied"], applied.Select(e => e.Summary));
        Assert.All(applied, e => Assert.Equal((id, EventType.Info, "SAMPLE"), (e.OperationId, e.EventType, e.ComponentName)));
        Assert.Contains("ConfigMap/greeting created", applied[^1].Details, StringComparison.Ordinal);
        Assert.Contains("Job/once created", applied[^1].Details, StringComparison.Ordinal);
        Assert.Equal("world", _cluster.Find("configmaps", "team-a", "greeting")!["data"]!["hello"]!.GetValue<string>());
        Assert.NotNull(_cluster.Find("jobs.batch", "team-a", "once"));
        Assert.NotNull(_cluster.Find("namespaces", null, "team-a"));

        var deleteId = Guid.NewGuid().ToString();
        var delete = Rule("custom", "team-a", deleteId, CustomYaml);
        delete.DeleteOp = true;
        var removed = await RunAsync(events, delete, "Custom YAML removed");
        Assert.Equal(["Removing Custom YAML", "Custom YAML removed"], removed.Select(e => e.Summary));
        await Eventually.HoldsAsync(() => Task.FromResult(_cluster.Find("configmaps", "team-a", "greeting")), o => o is null, "the ConfigMap is deleted", Ct);
    }

    [Fact]
    public async Task Httpbin_sample_is_deployed_into_the_request_namespace()
    {
        using var events = await EventReader.OpenAsync(_adapter.Client, Ct);
        var done = await RunAsync(events, Rule("httpbin", "samples", Guid.NewGuid().ToString()), "httpbin sample application applied");

        Assert.Equal(EventType.Info, done[^1].EventType);
        var deployment = _cluster.Find("deployments.apps", "samples", "httpbin");
        Assert.NotNull(deployment);
        Assert.Equal("httpbin", deployment["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>());
        Assert.NotNull(_cluster.Find("services", "samples", "httpbin"));
        Assert.NotNull(_cluster.Find("serviceaccounts", "samples", "httpbin"));
    }

    [Fact]
    public async Task Label_namespace_sets_and_removes_the_injection_label()
    {
        using var events = await EventReader.OpenAsync(_adapter.Client, Ct);
        await RunAsync(events, Rule("label-namespace", "mesh-me", Guid.NewGuid().ToString()), "Namespace label applied");
        Assert.Equal("enabled", _cluster.Find("namespaces", null, "mesh-me")!["metadata"]!["labels"]!["meshery.io/sidecar-injection"]!.GetValue<string>());

        var remove = Rule("label-namespace", "mesh-me", Guid.NewGuid().ToString());
        remove.DeleteOp = true;
        await RunAsync(events, remove, "Namespace label removed");
        Assert.Null(_cluster.Find("namespaces", null, "mesh-me")!["metadata"]!["labels"]?["meshery.io/sidecar-injection"]);
    }

    [Fact]
    public async Task Bad_yaml_ends_in_an_error_event_and_touches_no_cluster()
    {
        using var events = await EventReader.OpenAsync(_adapter.Client, Ct);
        var before = _cluster.ResourceVersion;
        var failed = await RunAsync(events, Rule("custom", "default", Guid.NewGuid().ToString(), "kind: [unclosed"), "-");

        var error = Assert.Single(failed);
        Assert.Equal(EventType.Error, error.EventType);
        Assert.Equal("Custom YAML not applied", error.Summary);
        Assert.Equal(OperationFailure.InvalidManifestCode, error.ErrorCode);
        Assert.Contains("not valid YAML", error.Details, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.ProbableCause));
        Assert.False(string.IsNullOrEmpty(error.SuggestedRemediation));
        Assert.Equal(before, _cluster.ResourceVersion);
    }

    [Fact]
    public async Task Unreachable_cluster_ends_in_an_error_event()
    {
        await using var gone = await FakeKubeApiServer.StartAsync(cancellationToken: Ct);
        var kubeconfig = gone.KubeConfigYaml;
        await gone.StopAsync(Ct);
        using var events = await EventReader.OpenAsync(_adapter.Client, Ct);
        var rule = Rule("custom", "default", Guid.NewGuid().ToString(), CustomYaml, kubeconfig);

        var failed = await RunAsync(events, rule, "-");

        Assert.Equal(["Applying Custom YAML", "Custom YAML not applied"], failed.Select(e => e.Summary));
        Assert.Equal(OperationFailure.UnreachableCode, failed[^1].ErrorCode);
        Assert.Contains("cannot be reached", failed[^1].ProbableCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_operation_answers_its_id_then_an_error_event()
    {
        using var events = await EventReader.OpenAsync(_adapter.Client, Ct);
        var id = Guid.NewGuid().ToString();
        var failed = await RunAsync(events, Rule("istio-vet", "default", id), "-");

        var error = Assert.Single(failed);
        Assert.Equal((EventType.Error, OperationFailure.UnknownOperationCode), (error.EventType, error.ErrorCode));
        Assert.Equal("Operation istio-vet is not supported", error.Summary);
        Assert.Contains("custom, httpbin, label-namespace", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_subscriber_gets_every_event()
    {
        using var first = await EventReader.OpenAsync(_adapter.Client, Ct);
        using var second = await EventReader.OpenAsync(_adapter.Client, Ct);
        var id = Guid.NewGuid().ToString();
        var answer = await _adapter.Client.ApplyOperationAsync(Rule("custom", "fanout", id, CustomYaml), cancellationToken: Ct);
        Assert.Equal(id, answer.OperationId);

        var seenFirst = await first.ReadOperationAsync(id, e => e.Summary == "Custom YAML applied", Ct);
        var seenSecond = await second.ReadOperationAsync(id, e => e.Summary == "Custom YAML applied", Ct);
        Assert.Equal(seenFirst, seenSecond);
        Assert.Equal(2, seenFirst.Count);
    }

    [Fact]
    public async Task An_operation_without_opname_is_refused()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await _adapter.Client.ApplyOperationAsync(new ApplyRuleRequest(), cancellationToken: Ct));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    private async Task<List<EventsResponse>> RunAsync(EventReader events, ApplyRuleRequest rule, string doneSummary)
    {
        var answer = await _adapter.Client.ApplyOperationAsync(rule, cancellationToken: Ct);
        Assert.Equal(("", rule.OperationId), (answer.Error, answer.OperationId));
        return await events.ReadOperationAsync(rule.OperationId, e => e.Summary == doneSummary, Ct);
    }

    private ApplyRuleRequest Rule(string op, string ns, string id, string body = "", string? kubeconfig = null) =>
        new() { OpName = op, Namespace = ns, OperationId = id, CustomBody = body, Username = "tester", KubeConfigs = { kubeconfig ?? _cluster.KubeConfigYaml } };
}
