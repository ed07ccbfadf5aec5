using LongTailData.Debtags;

namespace LongTailData.Tests.Debtags;

/// <summary>The results files write an apt list's name without the mirror's host name.</summary>
public sealed class AptListNamesTests
{
    [Theory]
    [InlineData("mirror.example.org_debian_dists_bookworm_main_binary-amd64_Packages", "<mirror>_debian_dists_bookworm_main_binary-amd64_Packages")]
    [InlineData("10.0.0.1_dists_trixie_main_binary-arm64_Packages", "<mirror>_dists_trixie_main_binary-arm64_Packages")]
    [InlineData("DebtagsLongTail --seeds 3 --packages artifacts/data/debtags/ftp.example.net_debian_dists_bookworm_main_binary-amd64_Packages --rows DB",
        "DebtagsLongTail --seeds 3 --packages artifacts/data/debtags/<mirror>_debian_dists_bookworm_main_binary-amd64_Packages --rows DB")]
    [InlineData("--packages=a.b_dists_x_Packages", "--packages=<mirror>_dists_x_Packages")]
    public void The_host_name_before_an_apt_list_name_becomes_the_placeholder(string text, string expected) =>
        Assert.Equal(expected, AptListNames.WithoutMirror(text));

    [Theory]
    [InlineData("DebtagsLongTail --seeds 3 --out docs/results/debtags --packages my.Packages")]
    [InlineData("ubuntu_Packages")]
    [InlineData("x_dists_bookworm_main_binary-amd64_Packages")]
    [InlineData("/tmp/run.v2/out --packages Packages")]
    public void Other_text_is_unchanged(string text) => Assert.Equal(text, AptListNames.WithoutMirror(text));
}
