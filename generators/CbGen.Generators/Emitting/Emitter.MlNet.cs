using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting
{
    /// <summary>The ML.NET one-liners, emitted when the compilation references Microsoft.ML: extension methods on
    /// <c>mlContext.Transforms</c> that add the constant weight table as a <c>Single</c> weight column through ML.NET's
    /// own value mapping (no CbGen.ML needed, no reflection), by key (class index) or by label name.</summary>
    internal static partial class Emitter
    {
        private const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";

        public static string MlNetHintName(EnumSpec spec, ConfigSpec config) =>
            spec.HintPrefix + "." + config.TypeName + "MlNet.g.cs";

        /// <summary>The helpers of one config. <paramref name="names"/> are the label strings of the by-name helper:
        /// the enum's member names, or the counts file's class names for a dataset.</summary>
        public static string EmitMlNet(EnumSpec spec, ConfigSpec config, EquatableArray<string> names, CompilationFeatures features)
        {
            int classCount = spec.Members.Count;
            double[] weights = ClassBalancedWeights.Compute(CountsOf(spec), config.Beta, WeightNormalization.SumToClassCount, config.ZeroCounts);
            string weightsType = config.TypeName + "Weights";
            string access = spec.IsPublic ? "public" : "internal";
            string catalog = "global::Microsoft.ML.TransformsCatalog";

            // Stryker disable once Arithmetic : a capacity hint, which cannot change the text
            var w = new SourceWriter(2048 + (classCount * 200));
            WriteHeader(w, spec, config, features);
            OpenNamespace(w, spec);

            w.WriteLine("/// <summary>");
            w.WriteLine("/// ML.NET one-liners for <see cref=\"" + weightsType + "\"/>: add its weights as the <c>Single</c> column a");
            w.WriteLine("/// trainer reads through <c>ExampleWeightColumnName</c>, e.g.");
            w.WriteLine("/// <c>mlContext.Transforms." + weightsType + "ByName(\"Label\")</c>. The models save and load with");
            w.WriteLine("/// <c>mlContext.Model.Save/Load</c> (ML.NET's value mapping); a label outside the table gets weight 0.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCodeAttribute);
            w.WriteLine(access + " static partial class " + weightsType + "MlNet");
            w.OpenBrace();

            WriteMlNetHelper(w, catalog, weightsType + "ByKey", "uint",
                "key labels (e.g. from <c>MapValueToKey</c> over the class indices in order): class i is key i + 1",
                classCount, i => Literals.Int(i + 1) + "u", weights);
            w.WriteLine();
            WriteMlNetHelper(w, catalog, weightsType + "ByName", "string",
                "string labels holding the class names (" + (spec.CountsFile is null ? "the enum's member names" : "as written in the counts file") + ")",
                classCount, i => Literals.String(names[i]), weights);

            w.CloseBrace();
            CloseNamespace(w, spec);
            return w.ToString();
        }

        private static void WriteMlNetHelper(
            SourceWriter w, string catalog, string method, string labelType, string labels, int classCount,
            System.Func<int, string> label, double[] weights)
        {
            w.WriteLine("/// <summary>Adds the column <paramref name=\"outputColumnName\"/> holding the class-balanced weight of each");
            w.WriteLine("/// row's label, for " + labels + ".</summary>");
            w.WriteLine("/// <param name=\"transforms\">The transforms catalog (<c>mlContext.Transforms</c>).</param>");
            w.WriteLine("/// <param name=\"labelColumnName\">The label column.</param>");
            w.WriteLine("/// <param name=\"outputColumnName\">The weight column to add.</param>");
            w.WriteLine("public static global::Microsoft.ML.Transforms.ValueMappingEstimator<" + labelType + ", float> " + method
                + "(this " + catalog + " transforms, string labelColumnName = \"Label\", string outputColumnName = \"Weight\")");
            w.OpenBrace();
            w.WriteLine("if (transforms == null)");
            w.OpenBrace();
            w.WriteLine("throw new global::System.ArgumentNullException(nameof(transforms));");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("return global::Microsoft.ML.ConversionsExtensionsCatalog.MapValue(transforms.Conversion, outputColumnName, new "
                + KeyValuePair + "<" + labelType + ", float>[]");
            w.OpenBrace();
            for (int c = 0; c < classCount; c++)
            {
                w.WriteLine("new " + KeyValuePair + "<" + labelType + ", float>(" + label(c) + ", (float)"
                    + Literals.Double(Literals.RequireFinite(weights[c], "A weight")) + "),");
            }

            w.CloseBrace(", labelColumnName);");
            w.CloseBrace();
        }
    }
}
