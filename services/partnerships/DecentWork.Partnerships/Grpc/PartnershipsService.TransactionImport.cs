using DecentWork.ServiceDefaults;
using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// The finance system's CSV import: every row checked before anything is written, a dry run that
/// previews, then the whole checked file staged in one write and applied row by row (see
/// <see cref="TransactionImport"/>).
/// </summary>
public sealed partial class PartnershipsService
{
    /// <summary>Enough to list every bad row of a typical export; the message counts the rest.</summary>
    private const int MaxImportViolations = 200;

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.ImportFinancialTransactionsResponse> ImportFinancialTransactions(
        Contract.ImportFinancialTransactionsRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var violations = new FieldViolations(MaxImportViolations);
        var records = TransactionCsv.Read(request.Csv.Span, TransactionImport.MaxRows, violations);
        violations.ThrowIfAny();

        var scope = await ReadScopeAsync(context);
        var byCode = await ProjectsByCode(records.Select(r => r[TransactionCsv.ProjectCode]), scope, cancellationToken);
        var today = Today();
        var rows = new List<(ImportRow Row, Project Project)>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var values = TransactionInput.FromCsv(record, violations);
            var sourceLineId = record[TransactionCsv.SourceLineId];
            if (sourceLineId.Length > 0 && !violations.Check(firstLineOf.TryGetValue(sourceLineId, out var first),
                    $"csv.line[{record.Line}].{TransactionCsv.SourceLineId}", $"{Quote.Prefix(sourceLineId)} is also on line {first}"))
                continue;
            firstLineOf[sourceLineId] = record.Line;
            var code = record[TransactionCsv.ProjectCode].ToUpperInvariant();
            var project = byCode.GetValueOrDefault(code);
            if (code.Length > 0 && !violations.Check(project is null, $"csv.line[{record.Line}].{TransactionCsv.ProjectCode}",
                    $"{Quote.Prefix(code)} is not a registered project"))
                continue;
            if (values is null || project is null) continue;
            if (FinancialTransaction.Refusal(project, values, today) is { } refusal)
            {
                violations.Add($"csv.line[{record.Line}].{refusal.Field}", refusal.Message);
                continue;
            }
            rows.Add((new ImportRow
            {
                Line = record.Line, SourceLineId = sourceLineId, ProjectId = project.Id, Type = values.Type, Date = values.Date,
                Amount = values.Amount, Currency = values.Currency, AmountUsd = values.AmountUsd, Description = values.Description,
            }, project));
        }
        // Nothing is written when any row is bad: the answer names every bad row and column.
        violations.ThrowIfAny();

        var response = new Contract.ImportFinancialTransactionsResponse { DryRun = request.DryRun };
        foreach (var (row, project) in rows)
        {
            var existing = await finance.Transactions.FindAsync(FinancialTransaction.IdOf(row.SourceLineId), cancellationToken);
            var outcome = existing is null ? Contract.ImportOutcome.New
                : existing.Same(project.Id, row.Values) ? Contract.ImportOutcome.Unchanged : Contract.ImportOutcome.Changed;
            response.Rows.Add(new Contract.ImportedRow { Line = row.Line, SourceLineId = row.SourceLineId, ProjectCode = project.Code, Outcome = outcome });
        }
        Count(response);
        if (request.DryRun || response.NewCount + response.ChangedCount == 0) return response;

        var changedBy = Caller.From(context).Display;
        await ResumeStagedImports(changedBy, cancellationToken);
        var staged = TransactionImport.Stage([.. rows.Select(r => r.Row)], clock.GetUtcNow(), changedBy);
        await finance.Imports.SaveAsync(staged, cancellationToken: cancellationToken);
        // From here the file is staged whole; the apply must not stop halfway because the caller went away.
        var outcomes = await Apply(staged, changedBy, CancellationToken.None);
        for (var i = 0; i < response.Rows.Count; i++) response.Rows[i].Outcome = outcomes[i];
        Count(response);
        response.ImportId = staged.Id.ToString();
        return response;
    }

    /// <summary>Sets every row's transaction, then marks the import applied; each step is idempotent.</summary>
    private async Task<List<Contract.ImportOutcome>> Apply(TransactionImport staged, string changedBy, CancellationToken cancellationToken)
    {
        var outcomes = new List<Contract.ImportOutcome>(staged.Rows.Count);
        var projectsById = new Dictionary<Guid, Project>();
        foreach (var row in staged.Rows)
        {
            if (!projectsById.TryGetValue(row.ProjectId, out var project))
                projectsById[row.ProjectId] = project = await FindProject(row.ProjectId, cancellationToken);
            outcomes.Add((await SetTransaction(row.SourceLineId, project, row.Values, changedBy, cancellationToken)).Outcome);
        }
        // Another call may be finishing the same import (a resume): whichever marks it first wins,
        // and the other, reading it again after the lost race, finds it applied and saves nothing.
        await finance.Imports.ChangeAsync(staged.Id, "Transaction import", 0, import =>
        {
            if (import.Applied) return false;
            import.MarkApplied(clock.GetUtcNow());
            return true;
        }, cancellationToken);
        return outcomes;
    }

    /// <summary>Finishes any import an earlier call staged but did not finish applying (the process stopped halfway).</summary>
    private async Task ResumeStagedImports(string changedBy, CancellationToken cancellationToken)
    {
        var unfinished = await finance.Imports.QueryAsync(i => i.Applied == false, new SortOrder<TransactionImport>(i => i.StateKey), 0, 10, cancellationToken);
        foreach (var staged in unfinished)
            await Apply(staged, changedBy, cancellationToken);
    }

    /// <summary>The projects the codes name that the caller may see, by upper-cased code (the unique sort key).</summary>
    private async Task<Dictionary<string, Project>> ProjectsByCode(IEnumerable<string> codes, ReadScope scope, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var code in codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length is > 0 and <= Project.MaxCodeLength).Distinct())
            if (scope.Visible((await projects.QueryAsync(p => p.SortKey == code, new SortOrder<Project>(p => p.SortKey), 0, 1, cancellationToken))
                    .FirstOrDefault(), scope.Projects) is { } project)
                found[code] = project;
        return found;
    }

    private static void Count(Contract.ImportFinancialTransactionsResponse response)
    {
        response.NewCount = response.Rows.Count(r => r.Outcome == Contract.ImportOutcome.New);
        response.ChangedCount = response.Rows.Count(r => r.Outcome == Contract.ImportOutcome.Changed);
        response.UnchangedCount = response.Rows.Count(r => r.Outcome == Contract.ImportOutcome.Unchanged);
    }
}
