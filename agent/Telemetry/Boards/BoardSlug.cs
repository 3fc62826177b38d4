using System.Globalization;
using System.Text;

namespace Meshery.Agent.Telemetry.Boards;

/// <summary>A URL slug of a board title: lower-case letters and digits joined by single dashes.</summary>
public static class BoardSlug
{
    public static string Of(string? title)
    {
        var builder = new StringBuilder(title?.Length ?? 0);
        var dash = false;
        foreach (var c in (title ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return builder.ToString();
    }
}
