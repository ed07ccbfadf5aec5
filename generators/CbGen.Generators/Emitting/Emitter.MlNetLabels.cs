using System.Linq;
using CbGen.Generators.Helpers;

namespace CbGen.Generators.Emitting;

/// <summary>The check behind the ML.NET by-index and by-name helpers: in <c>Fit</c>, one pass over the label column
/// refuses a training label that the weight table has no class for, instead of ML.NET's value mapping giving its rows
/// weight 0 without a word.</summary>
internal static partial class Emitter
{
    /// <summary>The parts of a helper's check: the generated methods that say whether a label has a class and how a
    /// label is shown (the refused labels are listed in ordinal order of that text; methods, not lambdas, whose
    /// compiler-made names would carry the helper's name and could pass metadata's length limit), and the table's
    /// name with its classes.</summary>
    private sealed record LabelCheck(string Known, string Show, string Table);

    /// <summary>The first ten class names, for messages.</summary>
    private static string ClassList(EquatableArray<string> names) =>
        // Stryker disable once all : the first ten names are enough for a message
        string.Join(", ", names.Take(10)) + (names.Count > 10 ? ", …" : string.Empty);

    /// <summary>An estimator's <c>Fit</c> signature, opening brace and null check (its body and closing brace follow).</summary>
    private static void WriteFitStart(SourceWriter w)
    {
        w.WriteLine("public " + Ml + "ITransformer Fit(" + Ml + "IDataView input)");
        w.OpenBrace();
        w.WriteLine("if (input == null)");
        w.OpenBrace();
        w.WriteLine("throw new global::System.ArgumentNullException(nameof(input));");
        w.CloseBrace();
        w.WriteLine();
    }

    private static void WriteLabelWeightsEstimator(SourceWriter w)
    {
        string estimator = Ml + "IEstimator<" + Ml + "ITransformer>";
        w.WriteLine("private static bool IsClassIndex(int label) => label >= 0 && label < ClassNames.Length;");
        w.WriteLine();
        w.WriteLine("private static string ShowIndex(int label) => label.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        w.WriteLine();
        w.WriteLine("private static bool IsClassName(string label) => global::System.Array.IndexOf(ClassNames, label) >= 0;");
        w.WriteLine();
        w.WriteLine("private static string ShowName(string label) => \"'\" + label + \"'\";");
        w.WriteLine();
        w.WriteLine("/// <summary>A value mapping whose <c>Fit</c> first reads the label column once and refuses a label without a class.</summary>");
        w.WriteLine("private sealed class LabelWeightsEstimator<T> : " + estimator);
        w.OpenBrace();
        w.WriteLine("private readonly " + estimator + " _map;");
        w.WriteLine("private readonly string _labelColumnName;");
        w.WriteLine("private readonly global::System.Func<T, bool> _known;");
        w.WriteLine("private readonly global::System.Func<T, string> _show;");
        w.WriteLine("private readonly string _table;");
        w.WriteLine();
        w.WriteLine("public LabelWeightsEstimator(" + estimator + " map, string labelColumnName, global::System.Func<T, bool> known, global::System.Func<T, string> show, string table)");
        w.OpenBrace();
        w.WriteLine("_map = map;");
        w.WriteLine("_labelColumnName = labelColumnName;");
        w.WriteLine("_known = known;");
        w.WriteLine("_show = show;");
        w.WriteLine("_table = table;");
        w.CloseBrace();
        w.WriteLine();
        WriteFitStart(w);
        w.WriteLine("// ML.NET's own error for a missing or mistyped label column comes first (fitting the mapping reads no rows).");
        w.WriteLine(Ml + "ITransformer fitted = _map.Fit(input);");
        w.WriteLine("global::System.Collections.Generic.SortedDictionary<string, long> unknown = new global::System.Collections.Generic.SortedDictionary<string, long>(global::System.StringComparer.Ordinal);");
        w.WriteLine("foreach (T label in " + MlData + "ColumnCursorExtensions.GetColumn<T>(input, _labelColumnName))");
        w.OpenBrace();
        w.WriteLine("if (label != null && !_known(label))");
        w.OpenBrace();
        w.WriteLine("string shownLabel = _show(label);");
        w.WriteLine("long rows;");
        w.WriteLine("unknown.TryGetValue(shownLabel, out rows);");
        w.WriteLine("unknown[shownLabel] = rows + 1;");
        w.CloseBrace();
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("if (unknown.Count > 0)");
        w.OpenBrace();
        w.WriteLine("string[] shown = global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select(global::System.Linq.Enumerable.Take(unknown, 5),");
        w.WriteLine("    p => p.Key + \" (\" + p.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + (p.Value == 1 ? \" row)\" : \" rows)\")));");
        w.WriteLine("throw new global::System.InvalidOperationException(\"Label column '\" + _labelColumnName + \"' holds \" + string.Join(\", \", shown) + (unknown.Count > 5 ? \", …\" : \"\")");
        w.WriteLine("    + (unknown.Count == 1 ? \", which is not a class of \" : \", which are not classes of \") + _table + \": its rows would train with weight 0. \"");
        w.WriteLine("    + \"Give them one of these labels, or remove them; labels outside the table get weight 0 only when a fitted model transforms other data.\");");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("return fitted;");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("public " + Ml + "SchemaShape GetOutputSchema(" + Ml + "SchemaShape inputSchema) => _map.GetOutputSchema(inputSchema);");
        w.CloseBrace();
    }
}
