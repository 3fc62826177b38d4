namespace Meshery.Provider.Storage.Tables;

/// <summary>A string column written beside the document; <paramref name="OrderName"/> is its contract <c>order</c> name, if sortable.</summary>
public sealed record TableColumn<T>(string Property, string? OrderName, Func<T, string?> Value);
