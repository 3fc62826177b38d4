namespace Meshery.ExtensionPoints.Serving;

/// <summary><c>{"count": n}</c>: how many entities a bulk call changed.</summary>
public sealed record CountAnswer(int Count);
