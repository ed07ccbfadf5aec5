using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CbGen.Cli;

/// <summary>Numbers in messages and outputs are written in the invariant culture, whatever the user's culture.</summary>
internal static class Invariant
{
    public static string Format(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as <paramref name="x"/> ("0.999", "2").</summary>
    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"1 class", "2 classes", "0 classes".</summary>
    public static string Plural(long n, string one, string many) => Format(n) + " " + (n == 1 ? one : many);

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count <= 1
        ? string.Join(string.Empty, items)
        : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
}
