namespace Meshery.Provider.Hosting;

/// <summary><c>{"count": n}</c>: how many entities a bulk call changed.</summary>
public sealed record CountAnswer(int Count);
