using System.Text;
using Microsoft.Data.Sqlite;

namespace Meshery.Agent.LocalProvider.Storage;

/// <summary>AND-ed conditions with their parameters, built from trusted column names only.</summary>
public sealed class SqlFilter
{
    private readonly StringBuilder _where = new();
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public SqlFilter Where(string condition, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _where.Append(" AND (").Append(condition).Append(')');
        foreach (var (name, value) in parameters)
        {
            _parameters.Add(new(name, value ?? DBNull.Value));
        }

        return this;
    }

    /// <summary><c>column IN (...)</c> when <paramref name="values"/> is non-empty; nothing otherwise.</summary>
    public SqlFilter In(string column, IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return this;
        }

        var names = new List<string>(values.Count);
        foreach (var value in values)
        {
            var name = $"$f{_parameters.Count}";
            names.Add(name);
            _parameters.Add(new(name, value));
        }

        _where.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
        return this;
    }

    /// <summary>Case-insensitive substring match on any of <paramref name="columns"/>.</summary>
    public SqlFilter Search(string? text, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (string.IsNullOrWhiteSpace(text) || columns.Length == 0)
        {
            return this;
        }

        var name = $"$f{_parameters.Count}";
        var escaped = text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        _parameters.Add(new(name, $"%{escaped}%"));
        _where.Append(" AND (")
            .AppendJoin(" OR ", columns.Select(c => $"{c} LIKE {name} ESCAPE '\\'"))
            .Append(')');
        return this;
    }

    public string Sql => _where.ToString();

    public void AddTo(SqliteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var parameter in _parameters)
        {
            command.Parameters.AddWithValue(parameter.Key, parameter.Value);
        }
    }
}
