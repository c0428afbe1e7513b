using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeRequestIdTests
{
    private static readonly DateOnly Start = new(2006, 1, 1);
    private static readonly DateOnly End = new(2010, 12, 31);

    private static Programme Registered(string requestId = "retry-1", string title = "DWCP Tanzania") =>
        Programme.Register(Tanzania, title, Start, End, ByOfficer, requestId: requestId);

    [Fact]
    public void Register_WhenRequestIdIsMalformed_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Registered("no spaces"));
        Assert.Contains("request id", error.Message);
    }

    [Fact]
    public void Register_WhenRequestIdIsGiven_KeysTheProgrammeByIt()
    {
        var programme = Registered("retry-1");
        Assert.Equal(("retry-1", "request:retry-1"), (programme.RequestId, programme.RequestKey));
    }

    [Fact]
    public void Register_WhenNoRequestId_KeysTheProgrammeByItsOwnIdSoKeysNeverRepeat()
    {
        var first = Registered(requestId: "");
        var second = Draft();

        Assert.Equal(("", $"programme:{first.Id:N}"), (first.RequestId, first.RequestKey));
        Assert.Equal($"programme:{second.Id:N}", second.RequestKey);
        Assert.NotEqual(first.RequestKey, second.RequestKey);
    }

    [Fact]
    public void RequestKeyFor_WhenARequestIdLooksLikeAProgrammeKey_StillDiffersFromIt()
    {
        var id = Guid.NewGuid();
        Assert.NotEqual(Programme.RequestKeyFor("", id), Programme.RequestKeyFor($"programme:{id:N}", Guid.NewGuid()));
    }

    [Fact]
    public void Repeats_WhenTheSameContentIsSentAgain_IsTrue()
    {
        var programme = Registered();

        Assert.True(programme.Repeats(Tanzania, "DWCP Tanzania", Start, End));
        Assert.Same(programme, programme.AnswerRepeat(Tanzania, "DWCP Tanzania", Start, End));
    }

    [Fact]
    public void Repeats_WhenTheTitleDiffersOnlyByTheSpacesRegistrationTrims_IsTrue()
    {
        var programme = Registered(title: " DWCP Tanzania ");

        Assert.True(programme.Repeats(Tanzania, "DWCP Tanzania  ", Start, End));
    }

    [Fact]
    public void Repeats_WhenAnyPartOfTheContentDiffers_IsFalse()
    {
        var programme = Registered();

        Assert.False(programme.Repeats(Countries.ByCode["KEN"], "DWCP Tanzania", Start, End));
        Assert.False(programme.Repeats(Tanzania, "DWCP Tanzania 2006-2010", Start, End));
        Assert.False(programme.Repeats(Tanzania, "dwcp tanzania", Start, End));
        Assert.False(programme.Repeats(Tanzania, "DWCP Tanzania", Start.AddDays(1), End));
        Assert.False(programme.Repeats(Tanzania, "DWCP Tanzania", Start, End.AddDays(-1)));
    }

    [Fact]
    public void Repeats_WhenTheProgrammeHasChangedSinceRegistration_IsStillTrue()
    {
        // What was registered is compared, not what the programme has become: a repeat after the
        // draft was worked on still names it.
        var (programme, _) = WithOutcome(Registered());

        Assert.True(programme.Repeats(Tanzania, "DWCP Tanzania", Start, End));
    }

    [Fact]
    public void AnswerRepeat_WhenContentDiffers_IsAlreadyExistsNamingTheProgramme()
    {
        var programme = Registered();

        var error = Assert.Throws<AlreadyExistsException>(() => programme.AnswerRepeat(Tanzania, "DWCP Tanzania", Start, End.AddYears(1)));

        Assert.Contains(programme.Id.ToString(), error.Message);
        Assert.Contains("retry-1", error.Message);
    }

    [Fact]
    public void BackfillRequestKey_WhenTheProgrammePredatesRequestIds_GivesItTheKeyOfAProgrammeWithoutOne()
    {
        var programme = Draft();
        typeof(Programme).GetProperty(nameof(Programme.RequestKey))!.SetValue(programme, ""); // as both stores load an old document

        Assert.True(programme.BackfillRequestKey());
        Assert.Equal($"programme:{programme.Id:N}", programme.RequestKey);
        Assert.False(programme.BackfillRequestKey());
    }

    [Fact]
    public void BackfillRequestKey_WhenTheProgrammeHasAKey_KeepsIt()
    {
        var programme = Registered("retry-1");

        Assert.False(programme.BackfillRequestKey());
        Assert.Equal("request:retry-1", programme.RequestKey);
    }
}
