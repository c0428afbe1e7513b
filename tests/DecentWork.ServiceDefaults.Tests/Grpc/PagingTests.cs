using DecentWork.ServiceDefaults.Grpc;
using Google.Rpc;
using Grpc.Core;

namespace DecentWork.ServiceDefaults.Tests.Grpc;

public sealed class PagingTests
{
    private static Page Open(string? token, int size = 0)
    {
        var violations = new FieldViolations();
        var page = Page.From(size, token, violations);
        violations.ThrowIfAny();
        return page;
    }

    [Fact]
    public void From_WhenTokenWasSealedHere_StartsAfterItsKey()
    {
        var page = Open(PageTokens.Seal("2019|x|é"), size: 500);

        Assert.Equal("2019|x|é", page.After);
        Assert.Equal(Page.MaxSize, page.Size);
        Assert.Null(Open(null).After);
        Assert.Equal(Page.DefaultSize, Open("").Size);
    }

    [Theory]
    [InlineData("bzoyMDA=")]                       // the old offset token "o:200"
    [InlineData("not base64 at all!")]
    [InlineData("A")]
    [InlineData("AQ")]
    [InlineData("////////////////////////////////////////////////////////////////////////////////")]
    public void From_WhenTokenIsForgedOrMangled_IsInvalidArgumentNamingPageToken(string token)
    {
        var error = Assert.Throws<RpcException>(() => Open(token));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var details = error.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal("page_token", Assert.Single(details.FieldViolations).Field);
    }

    [Fact]
    public void From_WhenSealedTokenIsAlteredOrLengthened_IsInvalidArgument()
    {
        var token = PageTokens.Seal("2020|abc");
        var flipped = (token[3] == 'A' ? 'B' : 'A') + "";
        var altered = token[..3] + flipped + token[4..];

        Assert.Throws<RpcException>(() => Open(altered));
        Assert.Throws<RpcException>(() => Open(token + "AA"));
        Assert.Throws<RpcException>(() => Open(new string('A', 100_000)));
    }

    [Fact]
    public void Of_WhenRowsAreWalked_EveryRowComesOnceInOrder()
    {
        var rows = Enumerable.Range(0, 23).Select(i => $"k{i:D3}").ToList();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = Open(token, size: 5).Of(rows, r => r);
            Assert.Equal(23, page.TotalSize);
            seen.AddRange(page.Items);
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal(rows, seen);
    }

    [Fact]
    public void Of_WhenRowsAreAddedBeforeTheCursor_NextPageNeitherRepeatsNorSkips()
    {
        var rows = new List<string> { "b", "d", "f", "h" };
        var first = Open(null, size: 2).Of(rows, r => r);
        rows.InsertRange(0, ["a", "c"]); // written behind the cursor between the two pages

        var second = Open(first.NextPageToken, size: 2).Of(rows, r => r);

        Assert.Equal(["b", "d"], first.Items);
        Assert.Equal(["f", "h"], second.Items);
        Assert.Equal("", second.NextPageToken);
    }
}
