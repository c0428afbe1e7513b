using System.Linq.Expressions;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// Builds a store filter from the conditions a list request actually sets. Both adapters
/// translate plain member comparisons joined by AND; optional filters written as
/// "value == null || ..." would not translate everywhere, so absent conditions are left out instead.
/// </summary>
public static class Filter
{
    public static Expression<Func<T, bool>> All<T>(params Expression<Func<T, bool>>?[] conditions)
    {
        var present = conditions.OfType<Expression<Func<T, bool>>>().ToList();
        if (present.Count == 0) return _ => true;
        var parameter = present[0].Parameters[0];
        var body = present.Skip(1).Aggregate(present[0].Body, (combined, next) =>
            Expression.AndAlso(combined, new ReplaceParameter(next.Parameters[0], parameter).Visit(next.Body)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    /// <summary>True for the "everything" filter, which LiteDB cannot translate and need not.</summary>
    internal static bool MatchesEverything<T>(Expression<Func<T, bool>> filter) =>
        filter.Body is ConstantExpression { Value: true };

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
