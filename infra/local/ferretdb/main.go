// Command ferretdb-local runs FerretDB (MongoDB wire protocol on SQLite) for Leerzone's
// tests and CI, where no Docker engine is available.
//
// We embed FerretDB through its public package instead of `go install`-ing its
// cmd/ferretdb: that binary panics at start when built from the module zip, because
// its generated build/version/*.txt files are not in the zip (FerretDB#2982). The
// embeddable package skips that check when the main module is not FerretDB's own.
//
// Usage:
//
//	ferretdb-local -listen 127.0.0.1:27117 -data /abs/dir   # serve until SIGTERM/SIGINT
//	ferretdb-local -listen 127.0.0.1:27118 -postgresql postgres://u:p@127.0.0.1:55432/ferretdb   # PostgreSQL backend
//	ferretdb-local -ping mongodb://127.0.0.1:27117/          # hello + ping + a write/read round trip
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27117", "TCP address to serve the MongoDB wire protocol on")
	data := flag.String("data", "", "directory for the SQLite files (created if missing)")
	ping := flag.String("ping", "", "instead of serving, check that the server at this MongoDB URL answers, then exit")
	postgresql := flag.String("postgresql", "", "serve from this PostgreSQL database (postgres://user:pass@host:port/db) instead of SQLite files")
	flag.Parse()

	if *ping != "" {
		if err := check(*ping); err != nil {
			fmt.Fprintf(os.Stderr, "ferretdb-local: ping %s: %v\n", *ping, err)
			os.Exit(1)
		}
		return
	}

	if err := serve(*listen, *data, *postgresql); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-local: %v\n", err)
		os.Exit(1)
	}
}

func serve(listen, data, postgresql string) error {
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// FerretDB's PostgreSQL backend, for comparing the two (docs/performance.md).
	if postgresql != "" {
		f, err := ferretdb.New(&ferretdb.Config{
			Listener:      ferretdb.ListenerConfig{TCP: listen},
			Logger:        logger,
			Handler:       "postgresql",
			PostgreSQLURL: postgresql,
		})
		if err != nil {
			return err
		}
		logger.Info("ferretdb-local starting", "listen", listen, "postgresql", postgresql)
		return f.Run(ctx)
	}

	if data == "" {
		return errors.New("-data or -postgresql is required")
	}

	// FerretDB's SQLite backend wants a URI naming an existing directory, with a
	// trailing slash; a relative one would depend on the working directory.
	dir, err := filepath.Abs(data)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		return err
	}

	// Stops cleanly on SIGTERM (down.sh, via ctx) so SQLite files are closed properly.
	logger.Info("ferretdb-local starting", "listen", listen, "sqlite", "file:"+dir+"/")

	return f.Run(ctx)
}

// check does what a client does first (hello, ping), then a real write and read, so
// "the port is open" is not mistaken for "the server works".
func check(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()

	client, err := mongo.Connect(ctx, options.Client().ApplyURI(url).SetServerSelectionTimeout(10*time.Second))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer client.Disconnect(context.Background())

	admin := client.Database("admin")

	var hello bson.M
	if err := admin.RunCommand(ctx, bson.D{{Key: "hello", Value: 1}}).Decode(&hello); err != nil {
		return fmt.Errorf("hello: %w", err)
	}

	if err := admin.RunCommand(ctx, bson.D{{Key: "ping", Value: 1}}).Err(); err != nil {
		return fmt.Errorf("ping: %w", err)
	}

	var build bson.M
	if err := admin.RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&build); err != nil {
		return fmt.Errorf("buildInfo: %w", err)
	}

	coll := client.Database("leerzone_infra_check").Collection("ping")
	defer coll.Database().Drop(context.Background())

	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "probe"}, {Key: "at", Value: time.Now()}}); err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "probe"}}).Err(); err != nil {
		return fmt.Errorf("find: %w", err)
	}

	fmt.Printf("mongo ok: %s maxWireVersion=%v version=%v ferretdb=%v\n",
		url, hello["maxWireVersion"], build["version"], build["ferretdbVersion"])
	return nil
}
