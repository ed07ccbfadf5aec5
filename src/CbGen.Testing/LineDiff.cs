using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CbGen.Testing;

/// <summary>A unified line diff (longest common subsequence of lines), small enough for an exception message.</summary>
internal static class LineDiff
{
    // Above this many cells the middle part (after the common prefix and suffix) is shown as removed + added.
    private const long MaxTableCells = 4_000_000;

    public static string Unified(string expected, string actual, int context, int maxLines)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        List<(char Op, string Line, int A, int B)> ops = Operations(a, b);

        var changed = new List<int>();
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i].Op != ' ')
            {
                changed.Add(i);
            }
        }

        if (changed.Count == 0)
        {
            return "(no line differs)";
        }

        var text = new StringBuilder();
        int written = 0;
        int k = 0;
        while (k < changed.Count)
        {
            int start = Math.Max(0, changed[k] - context);
            int end = Math.Min(ops.Count - 1, changed[k] + context);
            while (k + 1 < changed.Count && changed[k + 1] - context <= end + 1)
            {
                k++;
                end = Math.Min(ops.Count - 1, changed[k] + context);
            }

            k++;
            int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
            for (int i = start; i <= end; i++)
            {
                if (ops[i].Op != '+')
                {
                    aStart = aStart < 0 ? ops[i].A : aStart;
                    aCount++;
                }

                if (ops[i].Op != '-')
                {
                    bStart = bStart < 0 ? ops[i].B : bStart;
                    bCount++;
                }
            }

            text.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
            for (int i = start; i <= end; i++)
            {
                if (written == maxLines)
                {
                    return text.Append("… (diff truncated after ").Append(maxLines.ToString(CultureInfo.InvariantCulture))
                        .Append(" lines)").ToString();
                }

                text.Append(ops[i].Op).Append(' ').Append(ops[i].Line).Append('\n');
                written++;
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Range(int start, int count) =>
        (start < 0 ? 0 : start + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture);

    private static List<(char Op, string Line, int A, int B)> Operations(string[] a, string[] b)
    {
        var ops = new List<(char, string, int, int)>(a.Length + b.Length);
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            ops.Add((' ', a[prefix], prefix, prefix));
            prefix++;
        }

        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        int n = a.Length - prefix - suffix;
        int m = b.Length - prefix - suffix;
        if ((long)(n + 1) * (m + 1) <= MaxTableCells)
        {
            // lcs[i, j] = length of the LCS of a[prefix + i ..] and b[prefix + j ..] (middle parts only).
            var lcs = new int[(n + 1) * (m + 1)];
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = m - 1; j >= 0; j--)
                {
                    lcs[(i * (m + 1)) + j] = a[prefix + i] == b[prefix + j]
                        ? lcs[((i + 1) * (m + 1)) + j + 1] + 1
                        : Math.Max(lcs[((i + 1) * (m + 1)) + j], lcs[(i * (m + 1)) + j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    ops.Add((' ', a[prefix + x], prefix + x, prefix + y));
                    x++;
                    y++;
                }
                else if (y == m || (x < n && lcs[((x + 1) * (m + 1)) + y] >= lcs[(x * (m + 1)) + y + 1]))
                {
                    ops.Add(('-', a[prefix + x], prefix + x, prefix + y));
                    x++;
                }
                else
                {
                    ops.Add(('+', b[prefix + y], prefix + x, prefix + y));
                    y++;
                }
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                ops.Add(('-', a[prefix + i], prefix + i, prefix));
            }

            for (int j = 0; j < m; j++)
            {
                ops.Add(('+', b[prefix + j], prefix + n, prefix + j));
            }
        }

        for (int s = suffix; s > 0; s--)
        {
            ops.Add((' ', a[a.Length - s], a.Length - s, b.Length - s));
        }

        return ops;
    }
}
