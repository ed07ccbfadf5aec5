using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CbGen.Generators.Emitting;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Planning;

/// <summary>
/// The clash stage: sees every unit the generator would emit (enum configs, sweeps, dataset labels and configs) and
/// the user's namespace-level types and namespaces, and decides what can be emitted. A generated type name taken
/// twice (by two units, or by a user type or namespace of the same name and arity that is not a compatible
/// <c>partial</c> extension) blocks every unit involved and gives each a CB010, so the compiler never sees a
/// duplicate declaration (which would drop every analyzer diagnostic). Hint names that differ only by case are
/// made unique.
/// </summary>
internal static class NameClashes
{
    /// <summary>The units of a hand-annotated enum: one per valid config, with the types it generates
    /// (<see cref="GeneratedNames.Types"/>: the loss type when CbGen.TorchSharp is referenced, the ML.NET helper type
    /// when Microsoft.ML is and the loss uses weights).</summary>
    public static IEnumerable<OutputUnit> UnitsOf(EnumSpec spec, CompilationFeatures features, string owner,
        ImmutableArray<UserDeclaration> declarations = default)
    {
        if (spec.Failure is not null)
        {
            yield break;
        }

        string ns = NamespaceKey(spec.Namespace);
        string access = spec.IsPublic ? "public" : "internal";
        foreach (ConfigSpec config in spec.Configs)
        {
            var hints = new List<string> { Emitter.WeightsHintName(spec, config) };
            if (features.HasTorchSharpRuntime)
            {
                hints.Add(Emitter.LossHintName(spec, config));
            }

            if (GeneratedNames.EmitsMlNet(config.UsesWeights, features))
            {
                hints.Add(Emitter.MlNetHintName(spec, config));
            }

            string weights = GeneratedNames.Weights(config.TypeName);
            yield return new OutputUnit(hints[0], owner, ns, GeneratedNames.Types(config.TypeName, config.UsesWeights, features).ToEquatableArray(),
                hints.ToEquatableArray(), weights, access, config.Location)
            {
                PartialMembers = Extended(declarations, ns, weights) ? GeneratedMembers(spec, config, features) : EquatableArray<ClassMember>.Empty,
            };
        }
    }

    /// <summary>Whether the user declares members in a part of the class <paramref name="ns"/>.<paramref name="type"/>:
    /// only then are the generated members read (by emitting the class), which most projects never need.</summary>
    private static bool Extended(ImmutableArray<UserDeclaration> declarations, string ns, string type)
    {
        if (declarations.IsDefault)
        {
            return false;
        }

        string key = Key(ns, type);
        return declarations.Any(d => d.Members.Count > 0 && d.Arity == 0 && Key(d.Namespace, d.Name) == key);
    }

    /// <summary>The members the generator writes in <c>{Name}Weights</c> (its weights file and, with TorchSharp, the
    /// part in its loss file), read from the text the emitters write, so the list cannot drift from them.</summary>
    private static EquatableArray<ClassMember> GeneratedMembers(EnumSpec spec, ConfigSpec config, CompilationFeatures features)
    {
        var texts = new List<string> { Emitter.EmitWeights(spec, config, features).ToString() };
        if (features.HasTorchSharpRuntime)
        {
            texts.Add(Emitter.EmitLoss(spec, config, features));
        }

        string weights = GeneratedNames.Weights(config.TypeName);
        var members = new List<ClassMember>();
        foreach (string text in texts)
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(text).GetRoot();
            foreach (ClassDeclarationSyntax type in root.DescendantNodes(n => n is not TypeDeclarationSyntax || n is ClassDeclarationSyntax).OfType<ClassDeclarationSyntax>())
            {
                if (type.Identifier.ValueText == weights && type.Parent is not TypeDeclarationSyntax)
                {
                    members.AddRange(UserDeclarations.MembersOf(type, withLocations: false));
                }
            }
        }

        return members.ToEquatableArray();
    }

    /// <summary>The unit of a sweep: <c>{Prefix}Sweep</c> and <c>{Prefix}SweepPoint</c>.</summary>
    public static OutputUnit UnitOf(EnumSpec spec, SweepSpec sweep, string owner)
    {
        string hint = Emitter.SweepHintName(spec, sweep);
        return new OutputUnit(hint, owner, NamespaceKey(spec.Namespace),
            new[] { sweep.Prefix + "Sweep", sweep.Prefix + "SweepPoint" }.ToEquatableArray(),
            // Stryker disable once String : a sweep has no partial type, so its accessibility is never compared
            new[] { hint }.ToEquatableArray(), null, string.Empty, sweep.Location);
    }

    /// <summary>Every unit the generator would emit for these models.</summary>
    public static EquatableArray<OutputUnit> Units(
        ImmutableArray<EnumSpec> enums,
        ImmutableArray<EnumSweepSpec> sweeps,
        ImmutableArray<DatasetSpec> datasets,
        CompilationFeatures features,
        ImmutableArray<UserDeclaration> declarations = default)
    {
        var units = new List<OutputUnit>();
        foreach (EnumSpec spec in enums)
        {
            units.AddRange(UnitsOf(spec, features, "a config of the enum '" + Display(spec) + "'", declarations));
        }

        foreach (EnumSweepSpec sweep in sweeps)
        {
            if (sweep.Enum.Failure is null)
            {
                units.Add(UnitOf(sweep.Enum, sweep.Sweep, "the sweep of the enum '" + Display(sweep.Enum) + "'"));
            }
        }

        foreach (DatasetSpec dataset in datasets)
        {
            if (dataset.Enum is not { } spec)
            {
                continue;
            }

            string owner = "the dataset class '" + dataset.Target.FullyQualifiedClassName.Replace("global::", string.Empty) + "'";
            string labels = Emitter.LabelsHintName(dataset);
            units.Add(new OutputUnit(labels, owner, NamespaceKey(spec.Namespace), EquatableArray<string>.Empty,
                new[] { labels }.ToEquatableArray(), null, string.Empty, dataset.Target.Location));
            units.AddRange(UnitsOf(spec, features, "a config of " + owner, declarations));
            if (dataset.Sweep is { } datasetSweep)
            {
                units.Add(UnitOf(spec, datasetSweep, "the sweep of " + owner));
            }
        }

        return units.ToEquatableArray();
    }

    /// <summary>Decides what is emitted: see the class summary.</summary>
    public static ClashReport Detect(EquatableArray<OutputUnit> units, ImmutableArray<UserDeclaration> declarations)
    {
        // Who claims each namespace-level name (normalised as the compiler compares identifiers).
        var claims = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int u = 0; u < units.Count; u++)
        {
            foreach (string type in units[u].TypeNames)
            {
                string key = Key(units[u].Namespace, type);
                if (!claims.TryGetValue(key, out List<int>? list))
                {
                    claims.Add(key, list = new List<int>());
                }

                if (!list.Contains(u))
                {
                    list.Add(u);
                }
            }
        }

        var user = new Dictionary<string, List<UserDeclaration>>(StringComparer.Ordinal);
        foreach (UserDeclaration declaration in declarations)
        {
            if (declaration.Arity != 0)
            {
                continue; // LabelWeights<T> is another type than LabelWeights.
            }

            string key = Key(declaration.Namespace, declaration.Name);
            if (!user.TryGetValue(key, out List<UserDeclaration>? list))
            {
                user.Add(key, list = new List<UserDeclaration>());
            }

            list.Add(declaration);
        }

        var blocked = new SortedSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        for (int u = 0; u < units.Count; u++)
        {
            OutputUnit unit = units[u];
            foreach (string type in unit.TypeNames)
            {
                string key = Key(unit.Namespace, type);
                string? takenBy = null;
                foreach (int other in claims[key])
                {
                    if (other != u)
                    {
                        takenBy = units[other].Owner;
                        break;
                    }
                }

                if (takenBy is null && user.TryGetValue(key, out List<UserDeclaration>? mine))
                {
                    takenBy = UserClash(unit, type, mine);
                }

                if (takenBy is not null)
                {
                    blocked.Add(unit.Id);
                    diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateName.Id, unit.Location,
                        new[] { UserDeclarations.Normalize(type), NamespaceText(unit.Namespace), takenBy }.ToEquatableArray()));
                    break;
                }
            }

            if (!blocked.Contains(unit.Id) && unit.PartialType is { } partial
                && user.TryGetValue(Key(unit.Namespace, partial), out List<UserDeclaration>? parts)
                && MemberClashes(unit, partial, parts, diagnostics))
            {
                blocked.Add(unit.Id);
            }
        }

        return new ClashReport(new OutputPlan(blocked.ToEquatableArray(), Renames(units, blocked)), diagnostics.ToEquatableArray());
    }

    /// <summary>The hint name to use for <paramref name="hint"/> under <paramref name="plan"/>.</summary>
    public static string HintName(OutputPlan plan, string hint)
    {
        foreach (HintRename rename in plan.Renames)
        {
            if (string.Equals(rename.From, hint, StringComparison.Ordinal))
            {
                return rename.To;
            }
        }

        return hint;
    }

    public static bool IsBlocked(OutputPlan plan, string unitId)
    {
        foreach (string id in plan.Blocked)
        {
            if (string.Equals(id, unitId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a CB066 for each member of the user's parts of <paramref name="partial"/> that takes the name of
    /// a member the generator writes there; true when there is one (the unit is then not emitted: the compiler would
    /// report CS0102 in the generated file).</summary>
    private static bool MemberClashes(OutputUnit unit, string partial, List<UserDeclaration> parts, List<DiagnosticInfo> diagnostics)
    {
        bool any = false;
        foreach (UserDeclaration part in parts)
        {
            foreach (ClassMember mine in part.Members)
            {
                foreach (ClassMember generated in unit.PartialMembers)
                {
                    if (mine.Clashes(generated))
                    {
                        any = true;
                        diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.WeightsMemberClash.Id, mine.Location,
                            new[] { mine.Name, UserDeclarations.Normalize(partial), generated.Kind }.ToEquatableArray()));
                        break;
                    }
                }
            }
        }

        return any;
    }

    /// <summary>Why the user's declarations of <paramref name="type"/> clash with <paramref name="unit"/>, or null
    /// when they are compatible parts of its partial weights class.</summary>
    private static string? UserClash(OutputUnit unit, string type, List<UserDeclaration> declarations)
    {
        foreach (UserDeclaration declaration in declarations)
        {
            string what = "the " + declaration.Kind + " '" + Qualified(declaration.Namespace, declaration.Name) + "' declared in your code";
            if (declaration.Kind == "namespace" || unit.PartialType is null
                || !string.Equals(UserDeclarations.Normalize(unit.PartialType), UserDeclarations.Normalize(type), StringComparison.Ordinal))
            {
                return what;
            }

            if (!declaration.Extensible)
            {
                return what + " (only a 'static partial class' without a base type can extend the generated one)";
            }

            if (declaration.Accessibility.Length != 0 && declaration.Accessibility != unit.Accessibility)
            {
                return what + " (declared '" + declaration.Accessibility + "' but the generated part is '" + unit.Accessibility
                    + "', like the enum; drop the modifier or make it '" + unit.Accessibility + "')";
            }
        }

        return null;
    }

    /// <summary>Renames, among the units still emitted, every hint name that equals an earlier one (ordinal order)
    /// ignoring case: <c>X.g.cs</c> becomes <c>X.2.g.cs</c> (no identifier-made hint name has a numeric part).</summary>
    private static EquatableArray<HintRename> Renames(EquatableArray<OutputUnit> units, SortedSet<string> blocked)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (OutputUnit unit in units)
        {
            if (blocked.Contains(unit.Id))
            {
                continue;
            }

            foreach (string hint in unit.HintNames)
            {
                if (!groups.TryGetValue(hint, out List<string>? group))
                {
                    groups.Add(hint, group = new List<string>());
                }

                if (!group.Contains(hint))
                {
                    group.Add(hint);
                }
            }
        }

        var renames = new List<HintRename>();
        foreach (List<string> group in groups.Values)
        {
            // A group of one is left as it is: the loop below starts at its second name.
            group.Sort(StringComparer.Ordinal);
            for (int i = 1; i < group.Count; i++)
            {
                string stem = group[i].Substring(0, group[i].Length - ".g.cs".Length);
                renames.Add(new HintRename(group[i], stem + "." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs"));
            }
        }

        // Stryker disable once Statement : the renames are looked up by From; the sort only keeps the plan (compared for
        // caching) independent of the dictionary's enumeration order, which is insertion order in practice
        renames.Sort((a, b) => StringComparer.Ordinal.Compare(a.From, b.From));
        return renames.ToEquatableArray();
    }

    private static string Key(string ns, string name) => ns + "\u0001" + UserDeclarations.Normalize(name);

    private static string NamespaceKey(string? ns) => ns is null ? string.Empty : UserDeclarations.Normalize(ns);

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    private static string NamespaceText(string ns) => ns.Length == 0 ? "the global namespace" : "namespace " + ns;

    private static string Display(EnumSpec spec) => spec.FullyQualifiedEnumName.Replace("global::", string.Empty);
}
