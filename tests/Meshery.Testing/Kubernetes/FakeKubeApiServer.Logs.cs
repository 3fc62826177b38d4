namespace Meshery.Testing.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    /// <summary>Sets the log text <c>pods/{pod}/log</c> returns (for <paramref name="container"/>, or the pod's default).</summary>
    public void SetPodLog(string ns, string pod, string text, string? container = null) =>
        _state.Logs.For(ns, pod, container).Set(text);

    /// <summary>Appends to a pod's log; <c>follow=true</c> readers receive it at once.</summary>
    public void AppendPodLog(string ns, string pod, string text, string? container = null) =>
        _state.Logs.For(ns, pod, container).Append(text);

    /// <summary>Ends a pod's log: followers get the rest and their stream closes, as when a container exits.</summary>
    public void EndPodLog(string ns, string pod, string? container = null) =>
        _state.Logs.For(ns, pod, container).End();
}
