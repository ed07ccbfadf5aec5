using System.Text;

namespace CbGen.Cli;

/// <summary>How the tool spells enum members on its command line.</summary>
internal static class CliNames
{
    /// <summary>A PascalCase member name in kebab case: LogitAdjusted → logit-adjusted, Ldam → ldam.</summary>
    public static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
