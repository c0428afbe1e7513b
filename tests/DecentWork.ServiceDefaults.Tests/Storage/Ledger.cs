using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>A small aggregate with every kind of field the services store: money, dates, lists, a unique code.</summary>
public sealed class Ledger : Aggregate
{
    private Ledger() { }

    public string Code { get; private set; } = "";
    public string Country { get; private set; } = "";
    public decimal Balance { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<Guid> Entries { get; private set; } = [];

    public static Ledger Open(string code, string country, decimal balance, DateOnly openedOn)
    {
        var ledger = new Ledger
        {
            Id = Guid.NewGuid(),
            Code = code,
            Country = country,
            Balance = balance,
            OpenedOn = openedOn,
            CreatedAt = new DateTimeOffset(2008, 10, 21, 9, 30, 15, 123, TimeSpan.Zero),
        };
        ledger.Raise(new LedgerOpened(ledger.Id, code, balance));
        return ledger;
    }

    /// <summary>Changes the ledger's country: its contributions move from one bucket to another.</summary>
    public void MoveTo(string country) => Country = country;

    public void Credit(decimal amount)
    {
        Balance += amount;
        Entries.Add(Guid.NewGuid());
        Raise(new LedgerCredited(Id, amount));
    }
}

public sealed record LedgerOpened(Guid LedgerId, string Code, decimal Balance);
public sealed record LedgerCredited(Guid LedgerId, decimal Amount);
