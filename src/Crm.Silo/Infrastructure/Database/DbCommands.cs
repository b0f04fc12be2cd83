using System.Data.Common;

namespace Crm.Silo.Infrastructure.Database;

/// <summary>Commands with <c>@name</c> parameters, written the same for SQLite and PostgreSQL.</summary>
public static class DbCommands
{
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            // Named as written in the SQL: SQLite's driver looks an unprefixed name up under each prefix in turn.
            parameter.ParameterName = name.StartsWith('@') ? name : "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
