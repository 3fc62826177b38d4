using System.Text.Json.Serialization.Metadata;
using Meshery.ExtensionPoints.Paging;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>
/// How one entity maps onto its table: the JSON type, the name shown in searches, the extra columns
/// queries use, and the columns a list may be ordered by.
/// </summary>
public sealed record DocumentTableDefinition<T>(
    string Table,
    JsonTypeInfo<T> TypeInfo,
    Func<T, string> Name,
    IReadOnlyList<(string Column, Func<T, object?> Value)> Columns,
    IReadOnlyList<string> OrderColumns,
    ListOrder DefaultOrder,
    IReadOnlyList<string> SearchColumns);
