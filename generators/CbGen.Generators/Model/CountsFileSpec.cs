using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model
{
    /// <summary>A parsed counts file: its rows in class order and what is wrong with it.</summary>
    internal sealed record CountsFileSpec(string Path, EquatableArray<CountsRow> Rows, EquatableArray<DiagnosticInfo> Issues, bool HasErrors);
}
