using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace CbGen.ML;

/// <summary>Builds ML.NET's value mapping (label value → float weight) with the label column's raw type as the
/// key type, so the fitted model is an ordinary, loadable ValueMappingTransformer. A label the map does not hold
/// gets ML.NET's default for a missing value, 0.</summary>
internal static class ValueMaps
{
    internal static ValueMappingEstimator Create(
        TransformsCatalog catalog, LabelKind kind, Type raw, string output, string input, IReadOnlyList<ClassWeight> table)
    {
        Type t = LabelTypes.TableType(kind, raw);
        return t == typeof(uint) ? Map<uint>(catalog, output, input, table)
            : t == typeof(string) ? Map<string>(catalog, output, input, table)
            : t == typeof(bool) ? Map<bool>(catalog, output, input, table)
            : t == typeof(sbyte) ? Map<sbyte>(catalog, output, input, table)
            : t == typeof(byte) ? Map<byte>(catalog, output, input, table)
            : t == typeof(short) ? Map<short>(catalog, output, input, table)
            : t == typeof(ushort) ? Map<ushort>(catalog, output, input, table)
            : t == typeof(int) ? Map<int>(catalog, output, input, table)
            : t == typeof(long) ? Map<long>(catalog, output, input, table)
            : Map<ulong>(catalog, output, input, table);   // LabelTypes.Classify lets no other type through
    }

    /// <summary>The output shape of a value mapping of this key type (one placeholder entry).</summary>
    internal static SchemaShape ShapeOf(
        TransformsCatalog catalog, LabelKind kind, Type raw, string output, string input, SchemaShape inputSchema)
    {
        Type t = LabelTypes.TableType(kind, raw);
        // Stryker disable once String : any string is a placeholder
        object placeholder = t == typeof(string) ? "?" : Activator.CreateInstance(t)!;
        return Create(catalog, kind, raw, output, input, new[] { new ClassWeight(placeholder, null, 1.0) })
            .GetOutputSchema(inputSchema);
    }

    private static ValueMappingEstimator<T, float> Map<T>(
        TransformsCatalog catalog, string output, string input, IReadOnlyList<ClassWeight> table) =>
        catalog.Conversion.MapValue(
            output,
            table.Select(w => new KeyValuePair<T, float>((T)w.Label, (float)w.Weight)),
            input);
}
