using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CbGen.Cli.Input;

/// <summary>The class names a Hugging Face <c>datasets</c> Parquet file keeps for an integer label column: the
/// key-value metadata <c>huggingface</c> holds <c>{"info": {"features": {"label": {"_type": "ClassLabel", "names":
/// ["airplane", …]}}}}</c>; for a list column of class indices (multi-label), the ClassLabel is the <c>feature</c> of
/// a <c>Sequence</c> (or <c>List</c>) feature.</summary>
internal static class HuggingFaceClassLabels
{
    public const string MetadataKey = "huggingface";

    /// <summary>The names of <paramref name="column"/>'s classes in index order, or null when the metadata has none
    /// (no such key, not JSON, not a ClassLabel, or a name that is not a non-empty string).</summary>
    /// <param name="metadata">The file's key-value metadata.</param>
    /// <param name="column">The top-level column.</param>
    /// <param name="list">Whether the column is a list of class indices (a Sequence of ClassLabel).</param>
    public static IReadOnlyList<string>? Names(IReadOnlyDictionary<string, string>? metadata, string column, bool list = false)
    {
        if (metadata is null || !metadata.TryGetValue(MetadataKey, out string? json))
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("info", out JsonElement info) || info.ValueKind != JsonValueKind.Object
                || !info.TryGetProperty("features", out JsonElement features) || features.ValueKind != JsonValueKind.Object
                || !features.TryGetProperty(column, out JsonElement feature) || feature.ValueKind != JsonValueKind.Object
                || (list && !ItemOf(ref feature))
                || !feature.TryGetProperty("_type", out JsonElement type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "ClassLabel"
                || !feature.TryGetProperty("names", out JsonElement names) || names.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new List<string>(names.GetArrayLength());
            foreach (JsonElement name in names.EnumerateArray())
            {
                string? text = name.ValueKind == JsonValueKind.String ? name.GetString() : null;
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                result.Add(text);
            }

            return result.Count == 0 || new HashSet<string>(result, StringComparer.Ordinal).Count != result.Count ? null : result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Replaces a <c>Sequence</c>/<c>List</c> feature by its item feature; false for another feature.</summary>
    private static bool ItemOf(ref JsonElement feature)
    {
        if (!feature.TryGetProperty("_type", out JsonElement type) || type.ValueKind != JsonValueKind.String
            || (type.GetString() != "Sequence" && type.GetString() != "List")
            || !feature.TryGetProperty("feature", out JsonElement item) || item.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        feature = item;
        return true;
    }
}
