using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CbGen.Evaluation;
using LongTailData;
using LongTailData.Debtags;

namespace DebtagsLongTail;

/// <summary>
/// Writes the benchmark's <c>results.json</c> (every row with its per-seed mAPs, means and sample standard
/// deviations, as fractions) and <c>results.md</c> (the table in percent, the README's form), rewritten after every
/// finished row so that a stopped run keeps the rows it finished.
/// </summary>
public sealed class ResultsFile
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private readonly string _directory;
    private readonly string _command;
    private readonly DebtagsDataset _data;
    private readonly TrainSettings _settings;
    private readonly int _seeds;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly string _loadAtStart = MachineInfo.LoadAverage();
    private readonly List<RowResult> _rows = [];

    /// <summary>Prepares the files in <paramref name="directory"/> (created if missing).</summary>
    public ResultsFile(string directory, string command, DebtagsDataset data, TrainSettings settings, int seeds)
    {
        _directory = directory;
        _command = AptListNames.WithoutMirror(command);
        _data = data;
        _settings = settings;
        _seeds = seeds;
        Directory.CreateDirectory(directory);
    }

    /// <summary>Adds a finished row and rewrites both files.</summary>
    public void Add(RowResult row)
    {
        _rows.Add(row);
        File.WriteAllText(Path.Combine(_directory, "results.json"), Json());
        File.WriteAllText(Path.Combine(_directory, "results.md"), Markdown());
    }

    /// <summary>"| name | mAP | many | medium | few |" in percent: mean ± sd (F2) with more than one seed, the shot groups'
    /// means F1, "—" for an empty group. The README's rows and its tie test use the same form.</summary>
    public static string TableRow(RowResult row)
    {
        Stat map = Stat.Of(row.Reports, r => r.MeanAveragePrecision);
        string mapCell = row.Reports.Count > 1
            ? string.Format(C, "{0:F2} ± {1:F2}", 100 * map.Mean, 100 * map.Sd)
            : string.Format(C, "{0:F2}", 100 * map.Mean);
        return "| " + row.Name + " | " + mapCell + " | " + Group(row, r => r.ManyShotMeanAveragePrecision) + " | "
            + Group(row, r => r.MediumShotMeanAveragePrecision) + " | " + Group(row, r => r.FewShotMeanAveragePrecision) + " |";
    }

    private static string Group(RowResult row, Func<MultiLabelReport, double?> metric)
    {
        Stat s = Stat.Of(row.Reports, metric);
        return s.Defined ? (100 * s.Mean).ToString("F1", C) : "—";
    }

    private string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Debtags multi-label benchmark").AppendLine();
        md.AppendLine(string.Format(C, "`{0}`, {1} seed(s), started {2:yyyy-MM-dd HH:mm} UTC on {3} ({4} logical cores), load average {5} at the start and {6} at the last row; the list of sha256 {7}.",
            _command, _seeds, _started, MachineInfo.CpuModel(), Environment.ProcessorCount, _loadAtStart, MachineInfo.LoadAverage(), _data.Sha256)).AppendLine();
        md.AppendLine("| loss | mAP % | many-shot | medium-shot | few-shot |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (RowResult row in _rows)
        {
            md.AppendLine(TableRow(row));
        }

        return md.AppendLine().AppendLine("mAP in %, mean ± sample standard deviation over the seeds; shot-group columns are means. Machine numbers in results.json.").ToString();
    }

    private string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("command", _command);
            w.WriteString("machine", MachineInfo.CpuModel() + ", " + Environment.ProcessorCount.ToString(C) + " logical cores, .NET " + Environment.Version);
            w.WriteString("startedUtc", _started);
            w.WriteString("updatedUtc", DateTime.UtcNow);
            w.WriteString("loadAverageAtStart", _loadAtStart);
            w.WriteString("loadAverageAtLastRow", MachineInfo.LoadAverage());
            w.WriteString("packagesFile", AptListNames.WithoutMirror(Path.GetFileName(_data.FilePath)));
            w.WriteString("packagesSha256", _data.Sha256);
            w.WriteNumber("tags", _data.TagNames.Count);
            w.WriteNumber("trainSamples", _data.Split.TrainIndices.Count);
            w.WriteNumber("testSamples", _data.Split.TestIndices.Count);
            w.WriteNumber("buckets", _settings.Buckets);
            w.WriteNumber("epochs", _settings.Epochs);
            w.WriteNumber("batchSize", _settings.BatchSize);
            w.WriteNumber("learningRate", _settings.LearningRate);
            w.WriteStartArray("rows");
            foreach (RowResult row in _rows)
            {
                w.WriteStartObject();
                w.WriteString("display", row.Name);
                w.WriteNumber("seeds", row.Reports.Count);
                w.WriteNumber("secondsPerRun", row.SecondsPerRun);
                WriteStat(w, "map", Stat.Of(row.Reports, r => r.MeanAveragePrecision));
                WriteStat(w, "manyShot", Stat.Of(row.Reports, r => r.ManyShotMeanAveragePrecision));
                WriteStat(w, "mediumShot", Stat.Of(row.Reports, r => r.MediumShotMeanAveragePrecision));
                WriteStat(w, "fewShot", Stat.Of(row.Reports, r => r.FewShotMeanAveragePrecision));
                w.WriteStartArray("mapPerSeed");
                foreach (MultiLabelReport r in row.Reports)
                {
                    w.WriteNumberValue(r.MeanAveragePrecision);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStat(Utf8JsonWriter w, string name, Stat s)
    {
        if (s.Defined)
        {
            w.WriteNumber(name + "Mean", s.Mean);
            w.WriteNumber(name + "Std", s.Sd);
        }
        else
        {
            w.WriteNull(name + "Mean");
            w.WriteNull(name + "Std");
        }
    }

    /// <summary>Mean and sample standard deviation (0 for one seed) of a metric over the seeds; undefined when the
    /// metric is undefined (an empty shot group) for any seed.</summary>
    private readonly record struct Stat(bool Defined, double Mean, double Sd)
    {
        public static Stat Of(IReadOnlyList<MultiLabelReport> reports, Func<MultiLabelReport, double?> metric)
        {
            double?[] v = reports.Select(metric).ToArray();
            if (v.Length == 0 || v.Any(x => x is null))
            {
                return new Stat(false, 0, 0);
            }

            double mean = v.Average(x => x!.Value);
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x!.Value - mean) * (x!.Value - mean)) / (v.Length - 1)) : 0;
            return new Stat(true, mean, sd);
        }
    }
}
