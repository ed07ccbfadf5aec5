using System.Collections.Generic;
using CbGen.CountsFiles;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Parsing;

// DatasetParser: a config joined with its counts file's N ("# samples: N"), with CB050, CB052, CB053, CB054 and CB061 where
// the file is what makes the config wrong (the attribute alone is checked by Parser.CheckMultiLabel).
internal static partial class DatasetParser
{
    /// <summary><paramref name="config"/> with the N it uses (its Samples, else the file's), or null after reporting
    /// why it cannot generate. A file with N makes every config of the class multi-label.</summary>
    private static ConfigSpec? JoinMultiLabel(ConfigSpec config, CountsFileSpec file, string fileName, List<DiagnosticInfo> diagnostics)
    {
        string configName = "The config '" + config.TypeName + "'";
        LocationInfo fileStart = new LocationInfo(file.Path, 0, 0, 0, 0, 0, 0);
        if (file.Samples > 0 && config.SampleCount > 0 && file.Samples != config.SampleCount)
        {
            Add(diagnostics, DiagnosticDescriptors.SamplesGivenTwice, file.SamplesLocation ?? fileStart,
                "Samples = " + Literals.Text(config.SampleCount) + " on " + configName.Substring(4),
                "'" + Literals.Text(file.Samples) + "' on line " + Literals.Text((long)file.SamplesLine) + " of '" + fileName + "'",
                "remove Samples and keep the file's line, or correct the one that is wrong");
            return null;
        }

        if (!config.MultiLabel && file.Samples == 0)
        {
            return config;
        }

        if (config.MultiLabel && config.SampleCount == 0 && file.Samples == 0)
        {
            Add(diagnostics, DiagnosticDescriptors.MultiLabelSamplesMissing, fileStart, configName + " of '" + fileName + "'",
                "add a line '" + "# " + CountsFileFormat.SamplesKey + ": N" + "' to '" + fileName
                + "' (cbgen count writes it for multi-label sources), or " + DiagnosticDescriptors.SamplesFix);
            return null;
        }

        if (!config.MultiLabel && Parser.IsSoftmaxLoss(config.Loss))
        {
            // Made multi-label by the file alone (the attribute's own CB054 is the analyzer's).
            Add(diagnostics, DiagnosticDescriptors.MultiLabelSoftmax, file.SamplesLocation ?? fileStart, configName,
                "'" + fileName + "' gives N on line " + Literals.Text((long)file.SamplesLine), "CbLoss." + config.Loss.ToString());
            return null;
        }

        long samples = config.SampleCount > 0 ? config.SampleCount : file.Samples;
        string source = config.SampleCount > 0 ? configName.Substring(4) + " (Samples)"
            : "line " + Literals.Text((long)file.SamplesLine) + " of '" + fileName + "'";
        bool fits = true;
        foreach (CountsRow row in file.Rows)
        {
            if (row.Count > samples)
            {
                Add(diagnostics, DiagnosticDescriptors.CountAboveSamples, row.CountLocation,
                    row.Name, Literals.Text(row.Count), source,
                    Literals.Text(samples));
                fits = false;
            }
        }

        if (fits && Parser.HasPriorBias(config.Loss, config.MultiLabelKnobs))
        {
            // A row at N (only when none is above it, which says N is wrong): its prior bias would be infinite.
            foreach (CountsRow row in file.Rows)
            {
                if (row.Count == samples)
                {
                    Add(diagnostics, DiagnosticDescriptors.PositiveInEverySample, row.CountLocation,
                        row.Name, Literals.Text(row.Count), source, Literals.Text(samples),
                        Parser.PriorBiasSubject(config.TypeName, config.MultiLabelKnobs.BiasScale), DiagnosticDescriptors.PriorBiasFix);
                    fits = false;
                }
            }
        }

        return fits ? config with { MultiLabel = true, SampleCount = samples } : null;
    }

    private static void Add(List<DiagnosticInfo> diagnostics, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location,
        params string[] args) =>
        diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(args)));
}
