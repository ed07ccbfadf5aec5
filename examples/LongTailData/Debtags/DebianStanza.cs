using System.Collections.Generic;

namespace LongTailData.Debtags;

/// <summary>One package of a Debian <c>Packages</c> list, as the debtags data set needs it.</summary>
/// <param name="Package">The <c>Package:</c> field, e.g. <c>0ad</c>.</param>
/// <param name="Description">The <c>Description:</c> field's first line: the package's one-line synopsis (the lists
/// carry only it; the long descriptions are in the separate Translation files).</param>
/// <param name="Tags">The <c>Tag:</c> field's <c>facet::tag</c> values, in file order (empty when the package is not tagged).</param>
/// <param name="Line">The 1-based line of the <c>Package:</c> field.</param>
public sealed record DebianStanza(string Package, string Description, IReadOnlyList<string> Tags, int Line);
