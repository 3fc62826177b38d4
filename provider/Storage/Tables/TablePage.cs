namespace Meshery.Provider.Storage.Tables;

/// <summary>One page of a list and how many entries the whole list holds.</summary>
public sealed record TablePage<T>(IReadOnlyList<T> Items, int Total);
