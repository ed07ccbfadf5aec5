using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.ML.Tests;

/// <summary>
/// Every integer label type, SByte … UInt64 (issue 16: `./build.sh mutate mlnet` found only Int32, Byte and Int64
/// tested): counted end to end, shaped at GetOutputSchema, and, for index tables, the class count each type can hold.
/// </summary>
public class IntegerLabelTests
{
    private const double Beta = 0.99;

    private readonly MLContext _ml = new MLContext(seed: 1);

    public static TheoryData<Type> IntegerTypes() => new TheoryData<Type>
    {
        typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
    };

    [Theory]
    [MemberData(nameof(IntegerTypes))]
    public void Each_integer_type_is_counted_shaped_and_mapped_in_its_own_type(Type type) =>
        InvokeFor(type, nameof(CountedShapedAndMapped));

    private void CountedShapedAndMapped<T>()
        where T : struct
    {
        T Label(int v) => (T)Convert.ChangeType(v, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        var rows = TestData.Rows((Label(9), 4), (Label(0), 120), (Label(3), 30));
        IDataView data = _ml.Data.LoadFromEnumerable(rows);
        var estimator = _ml.Transforms.ClassBalancedWeights(beta: Beta);

        SchemaShape shape = estimator.GetOutputSchema(TestData.Shape(data.Schema));
        Assert.Equal(NumberDataViewType.Single, Assert.Single(shape, c => c.Name == "Weight").ItemType);

        var model = estimator.Fit(data);
        Assert.Equal(LabelKind.Integer, model.LabelKind);
        Assert.Equal(new object[] { Label(0), Label(3), Label(9) }, model.Classes.Select(c => c.Label));
        double[] expected = ClassBalancedWeights.Compute(new long[] { 120, 30, 4 }, Beta);
        Assert.Equal(expected, model.Classes.Select(c => c.Weight));
        var byLabel = model.Classes.ToDictionary(c => c.Label, c => (float)c.Weight);
        Assert.Equal(rows.Select(r => byLabel[r.Label]), TestData.Weights(model.Transform(data)));
    }

    [Theory]
    [InlineData(typeof(sbyte), 128)]
    [InlineData(typeof(byte), 256)]
    [InlineData(typeof(short), 32_768)]
    [InlineData(typeof(ushort), 65_536)]
    public void An_index_table_may_fill_a_narrow_type_but_not_exceed_it(Type type, int fits) =>
        InvokeFor(type, nameof(IndexTableBounds), fits);

    /// <summary>Runs the generic test method <paramref name="name"/> for the label type <paramref name="type"/>.</summary>
    private void InvokeFor(Type type, string name, params object[] args) =>
        typeof(IntegerLabelTests).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, args);

    private void IndexTableBounds<T>(int fits)
        where T : struct
    {
        T zero = default;
        IDataView data = _ml.Data.LoadFromEnumerable(new[] { new LabelRow<T> { Label = zero } });
        var full = _ml.Transforms.ClassWeights("Label", Enumerable.Repeat(1.0, fits).ToArray()).Fit(data);
        Assert.Equal(fits, full.Classes.Count);

        var e = Assert.Throws<InvalidOperationException>(() =>
            _ml.Transforms.ClassWeights("Label", Enumerable.Repeat(1.0, fits + 1).ToArray()).Fit(data));
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "is {0}, which cannot hold the class indices 0..{1} of the {2} given weights", typeof(T).Name, fits, fits + 1),
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int32_labels_take_an_index_table_wider_than_any_16_bit_type()
    {
        IDataView data = TestData.View(_ml, (0, 2), (65_536, 1));
        var model = _ml.Transforms.ClassBalancedWeights("Label", Enumerable.Repeat(5L, 65_537).ToArray()).Fit(data);
        Assert.Equal(65_537, model.Classes.Count);
        Assert.Equal(65_536, model.Classes[^1].Label);
    }
}
