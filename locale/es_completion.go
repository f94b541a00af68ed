package locale

// esCompletion are the Spanish translations of completionMessages, by
// English key.
var esCompletion = []pair{
	{Key: "Generate the autocompletion script for the specified shell", Other: "Generar el script de autocompletado para el shell indicado"},
	{Key: `Generate the autocompletion script for bedtime for the specified shell.
See each sub-command's help for details on how to use the generated script.
`, Other: `Generar el script de autocompletado de bedtime para el shell indicado.
La ayuda de cada subcomando explica cómo usar el script generado.
`},
	{Key: "Generate the autocompletion script for bash", Other: "Generar el script de autocompletado para bash"},
	{Key: `Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(bedtime completion bash)

To load completions for every new session, execute once:

#### Linux:

	bedtime completion bash > /etc/bash_completion.d/bedtime

#### macOS:

	bedtime completion bash > $(brew --prefix)/etc/bash_completion.d/bedtime

You will need to start a new shell for this setup to take effect.
`, Other: `Generar el script de autocompletado para el shell bash.

Este script necesita el paquete 'bash-completion'. Si aún no está
instalado, instálalo con el gestor de paquetes de tu sistema.

Para cargar el autocompletado en la sesión actual del shell:

	source <(bedtime completion bash)

Para cargarlo en cada sesión nueva, ejecuta una vez:

#### Linux:

	bedtime completion bash > /etc/bash_completion.d/bedtime

#### macOS:

	bedtime completion bash > $(brew --prefix)/etc/bash_completion.d/bedtime

El ajuste surte efecto en un shell nuevo.
`},
	{Key: "disable completion descriptions", Other: "no mostrar descripciones en el autocompletado"},
	{Key: "Generate the autocompletion script for fish", Other: "Generar el script de autocompletado para fish"},
	{Key: `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	bedtime completion fish | source

To load completions for every new session, execute once:

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

You will need to start a new shell for this setup to take effect.
`, Other: `Generar el script de autocompletado para el shell fish.

Para cargar el autocompletado en la sesión actual del shell:

	bedtime completion fish | source

Para cargarlo en cada sesión nueva, ejecuta una vez:

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

El ajuste surte efecto en un shell nuevo.
`},
	{Key: "Generate the autocompletion script for powershell", Other: "Generar el script de autocompletado para powershell"},
	{Key: `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	bedtime completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`, Other: `Generar el script de autocompletado para powershell.

Para cargar el autocompletado en la sesión actual del shell:

	bedtime completion powershell | Out-String | Invoke-Expression

Para cargarlo en cada sesión nueva, añade la salida del comando de arriba a
tu perfil de PowerShell.
`},
	{Key: "Generate the autocompletion script for zsh", Other: "Generar el script de autocompletado para zsh"},
	{Key: `Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(bedtime completion zsh)

To load completions for every new session, execute once:

#### Linux:

	bedtime completion zsh > %s

#### macOS:

	bedtime completion zsh > $(brew --prefix)/share/zsh/site-functions/_bedtime

You will need to start a new shell for this setup to take effect.
`, Other: `Generar el script de autocompletado para el shell zsh.

Si el autocompletado aún no está activado en tu entorno, actívalo. Basta
con ejecutar una vez:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

Para cargar el autocompletado en la sesión actual del shell:

	source <(bedtime completion zsh)

Para cargarlo en cada sesión nueva, ejecuta una vez:

#### Linux:

	bedtime completion zsh > %s

#### macOS:

	bedtime completion zsh > $(brew --prefix)/share/zsh/site-functions/_bedtime

El ajuste surte efecto en un shell nuevo.
`},
}
