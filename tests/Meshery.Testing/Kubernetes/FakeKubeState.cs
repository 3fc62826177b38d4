using System.Text.Json.Nodes;
using Meshery.Testing.Kubernetes.Discovery;
using Meshery.Testing.Kubernetes.Faults;
using Meshery.Testing.Kubernetes.Lists;
using Meshery.Testing.Kubernetes.Logs;
using Meshery.Testing.Kubernetes.Storage;
using Meshery.Testing.Kubernetes.Writes;

namespace Meshery.Testing.Kubernetes;

/// <summary>Everything the fake server holds; it outlives the web host, so a restart keeps the cluster.</summary>
internal sealed class FakeKubeState : IDisposable
{
    private CancellationTokenSource _stopping = new();

    public FakeKubeState(FakeKubeApiServerOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Registry = new ResourceRegistry(BuiltInResources.All);
        Store = new ObjectStore(Math.Max(0, options.WatchHistorySize));
        Snapshots = new ListSnapshots(options.MaxListSnapshots, options.ContinueTokenLifetime, Time);
        KubeSystemUid = options.KubeSystemUid ?? Guid.NewGuid().ToString();
        Store.Observer = new ClusterControllers(this);
        ObjectSeeding.Put(this, Namespace("kube-system", KubeSystemUid));
        ObjectSeeding.Put(this, Namespace("default", Guid.NewGuid().ToString()));
    }

    public FakeKubeApiServerOptions Options { get; }

    public TimeProvider Time { get; }

    public ResourceRegistry Registry { get; }

    public ObjectStore Store { get; }

    public ListSnapshots Snapshots { get; }

    public PodLogs Logs { get; } = new();

    public FaultInjector Faults { get; } = new();

    public RequestCounter Requests { get; } = new();

    public string KubeSystemUid { get; }

    /// <summary>Cancelled when the host stops, ending log follows and other long requests.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void BeginStop()
    {
        _stopping.Cancel();
        Store.ForEachWatcher(w => w.Abort());
    }

    public void BeginStart()
    {
        if (_stopping.IsCancellationRequested)
        {
            _stopping.Dispose();
            _stopping = new CancellationTokenSource();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static JsonObject Namespace(string name, string uid) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["uid"] = uid,
            ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = name },
        },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };
}
