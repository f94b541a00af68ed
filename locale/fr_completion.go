package locale

// frCompletion are the French translations of completionMessages, by
// English key.
var frCompletion = []pair{
	{Key: "Generate the autocompletion script for the specified shell", Other: "Générer le script d’autocomplétion pour le shell indiqué"},
	{Key: `Generate the autocompletion script for bedtime for the specified shell.
See each sub-command's help for details on how to use the generated script.
`, Other: `Générer le script d’autocomplétion de bedtime pour le shell indiqué.
L’aide de chaque sous-commande explique comment utiliser le script généré.
`},
	{Key: "Generate the autocompletion script for bash", Other: "Générer le script d’autocomplétion pour bash"},
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
`, Other: `Générer le script d’autocomplétion pour le shell bash.

Ce script a besoin du paquet 'bash-completion'. S’il n’est pas encore
installé, installez-le avec le gestionnaire de paquets de votre système.

Pour charger l’autocomplétion dans le shell en cours :

	source <(bedtime completion bash)

Pour la charger à chaque nouvelle session, exécutez une fois :

#### Linux:

	bedtime completion bash > /etc/bash_completion.d/bedtime

#### macOS:

	bedtime completion bash > $(brew --prefix)/etc/bash_completion.d/bedtime

Le réglage prend effet dans un nouveau shell.
`},
	{Key: "disable completion descriptions", Other: "ne pas afficher les descriptions dans l’autocomplétion"},
	{Key: "Generate the autocompletion script for fish", Other: "Générer le script d’autocomplétion pour fish"},
	{Key: `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	bedtime completion fish | source

To load completions for every new session, execute once:

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

You will need to start a new shell for this setup to take effect.
`, Other: `Générer le script d’autocomplétion pour le shell fish.

Pour charger l’autocomplétion dans le shell en cours :

	bedtime completion fish | source

Pour la charger à chaque nouvelle session, exécutez une fois :

	bedtime completion fish > ~/.config/fish/completions/bedtime.fish

Le réglage prend effet dans un nouveau shell.
`},
	{Key: "Generate the autocompletion script for powershell", Other: "Générer le script d’autocomplétion pour powershell"},
	{Key: `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	bedtime completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`, Other: `Générer le script d’autocomplétion pour powershell.

Pour charger l’autocomplétion dans le shell en cours :

	bedtime completion powershell | Out-String | Invoke-Expression

Pour la charger à chaque nouvelle session, ajoutez la sortie de la commande
ci-dessus à votre profil PowerShell.
`},
	{Key: "Generate the autocompletion script for zsh", Other: "Générer le script d’autocomplétion pour zsh"},
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
`, Other: `Générer le script d’autocomplétion pour le shell zsh.

Si l’autocomplétion n’est pas encore activée dans votre environnement,
activez-la. Il suffit d’exécuter une fois :

	echo "autoload -U compinit; compinit" >> ~/.zshrc

Pour charger l’autocomplétion dans le shell en cours :

	source <(bedtime completion zsh)

Pour la charger à chaque nouvelle session, exécutez une fois :

#### Linux:

	bedtime completion zsh > %s

#### macOS:

	bedtime completion zsh > $(brew --prefix)/share/zsh/site-functions/_bedtime

Le réglage prend effet dans un nouveau shell.
`},
}
