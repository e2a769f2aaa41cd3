namespace Ashlar.Actions;

/// <summary>When a hook of an action runs.</summary>
internal enum ActionHookKind
{
    /// <summary>In the action's transaction, before the write.</summary>
    BeforeAction,

    /// <summary>In the action's transaction, after the write; a failure rolls the write back.</summary>
    AfterAction,

    /// <summary>After the transaction ends, committed or rolled back.</summary>
    AfterTransaction,
}
